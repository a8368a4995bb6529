/**
 * Reading a posted form with the domain's zod schemas (zod 4: Qwik City's `zod$` only takes its own bundled zod 3,
 * so the account pages validate inside the action with the same schemas the API uses). Failures come back in the
 * shape `zod$` gives (`fieldErrors` keyed by dotted path) with sentences a shopper can act on.
 */
import type { z } from 'zod';

/** What an account form's action returns through `fail()`: one sentence for the form, one per field. */
export interface FormFailure {
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** Labels of the form's fields by dotted path ("address.postalCode"), for messages the schema leaves generic. */
export type FieldLabels = Record<string, string>;

export type FormRead<T> = { ok: true; value: T } | { ok: false; failure: FormFailure };

/** A failure that is one sentence, typed as every form failure is (so an action's failures share one type). */
export const formFailure = (message: string): FormFailure => ({ message });

/** A failure that belongs to one field (a wrong current password): the form's alert and the field say it. */
export const fieldFailure = (field: string, message: string): FormFailure => ({
  message,
  fieldErrors: { [field]: message },
});

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A shopper's sentence for an issue the schema has no message of its own for (zod 4 lets schema messages win). */
function defaultMessage(issue: z.core.$ZodRawIssue, labels: FieldLabels): string | undefined {
  const label = labels[(issue.path ?? []).join('.')];
  if (!label) return undefined;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? `${label} is required.`
        : `Check ${lower(label)}.`;
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? `${label} is required.`
        : `${label} must be at least ${issue.minimum} characters.`;
    case 'too_big':
      return `${label} may be at most ${issue.maximum} characters.`;
    default:
      return `Check ${lower(label)}.`;
  }
}

function sentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * Parses `data` (a form as Qwik City's parseBody gives it) with `schema`. On failure: the first message per field,
 * in the order of `labels` (the form's order), and a summary for the form's alert (the one message, or a count:
 * FormStatus lists the fields' messages under it).
 */
export function readForm<S extends z.ZodType>(
  schema: S,
  data: unknown,
  labels: FieldLabels,
): FormRead<z.output<S>> {
  const parsed = schema.safeParse(data, { error: (issue) => defaultMessage(issue, labels) });
  if (parsed.success) return { ok: true, value: parsed.data };
  const found = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    if (key && !found.has(key)) found.set(key, sentence(issue.message));
  }
  const order = Object.keys(labels);
  function rank(key: string): number {
    return order.includes(key) ? order.indexOf(key) : order.length;
  }
  const fieldErrors = Object.fromEntries([...found].sort(([a], [b]) => rank(a) - rank(b)));
  const messages = Object.values(fieldErrors);
  const message =
    messages.length === 1
      ? messages[0]!
      : `Please check the form: ${messages.length || 'some'} fields need attention.`;
  return { ok: false, failure: { message, fieldErrors } };
}

/** The sentence for a refused rate limit. */
export function tooManyAttempts(seconds: number): FormFailure {
  return formFailure(
    `Too many attempts. Please wait ${seconds === 1 ? 'a second' : `${seconds} seconds`} and try again.`,
  );
}
