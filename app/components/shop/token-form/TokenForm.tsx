/** The page an emailed link opens: one button that posts the link's token, so opening (or prefetching) spends nothing. */
import { component$, Slot } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';

/** What a token action returns: `done` on success, a `message` when it failed. */
export interface TokenOutcome {
  done?: boolean;
  failed?: boolean;
  message?: string;
}

interface Props {
  action: ActionStore<TokenOutcome, Record<string, unknown>, boolean>;
  token: string;
  button: string;
  /** What success looks like, for the status region. */
  doneMessage: string;
}

/**
 * Without a token (a link cut short by an email program) the page says so instead of showing the button. The
 * default slot is the explanation above the button; `q:slot="done"` what to do after success.
 */
export const TokenForm = component$<Props>(({ action, token, button, doneMessage }) => {
  const value = action.value;
  const done = value?.done === true;
  return (
    <>
      <div class="alert alert-success" role="status">
        {done && <p>{doneMessage}</p>}
      </div>
      <div class="alert alert-error" role="alert">
        {value?.failed && <p>{value.message}</p>}
      </div>
      {done ? (
        <Slot name="done" />
      ) : token ? (
        <Form action={action} class="form-stack">
          <Slot />
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="btn btn-primary btn-block">
            {button}
          </button>
        </Form>
      ) : (
        <p class="alert alert-error">
          This link is incomplete. Open it again from your email, or copy the whole address into the browser.
        </p>
      )}
    </>
  );
});
