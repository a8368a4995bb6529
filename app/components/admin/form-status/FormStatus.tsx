/**
 * A form's outcome: a success line in a status region and an error line in an alert region. Both regions are always
 * in the page, so a message that appears after a submit (with JavaScript) is announced by screen readers.
 */
import { component$ } from '@builder.io/qwik';

interface Props {
  id?: string;
  ok?: string | undefined;
  error?: string | undefined;
  /**
   * An action's outcome, written in the JSX as `outcome={outcomeOf(action.value)}`: Qwik then tracks the action and
   * re-renders this status when it answers. (Computing outcomeOf in the page's body and passing `ok`/`error` does not
   * re-render: the page component itself is not re-run on the client.)
   */
  outcome?: Outcome;
}

export const FormStatus = component$<Props>(({ id, ok, error, outcome }) => {
  const shownOk = outcome?.ok ?? ok;
  const shownError = outcome?.error ?? error;
  return (
    <div id={id} class="adm-status">
      <div role="status">{shownOk && <p class="adm-alert adm-alert-ok">{shownOk}</p>}</div>
      <div role="alert">{shownError && <p class="adm-alert adm-alert-error">{shownError}</p>}</div>
    </div>
  );
});

/** What a form shows of its action's latest value. */
export interface Outcome {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string | undefined>;
}

/**
 * A Qwik action's value as a form's outcome: the success message, or the error message (a generic one when only
 * fields failed) and the field errors. Call it in the component that owns the action (`useXxx()`), which Qwik
 * re-renders when the action answers, and pass the result down.
 */
export function outcomeOf(
  value: { failed?: boolean; message?: string; formErrors?: string[]; fieldErrors?: unknown } | undefined,
): Outcome {
  if (!value) return {};
  if (!value.failed) return { ok: value.message };
  const fieldErrors = (value.fieldErrors ?? undefined) as Record<string, string | undefined> | undefined;
  return { error: value.message ?? value.formErrors?.[0] ?? 'Please check the form.', fieldErrors };
}
