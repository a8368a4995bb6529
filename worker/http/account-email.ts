/** The API's side of account emails: deliver after the response (worker/services/identity/account-mail). */
import type { AppEnv } from '@worker/http/app-env';
import { deliverAccountEmail } from '@worker/services/identity/account-mail';
import type { AccountEmail } from '@worker/services/identity/tokens';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';

export function sendAccountEmail(c: Context<AppEnv>, email: AccountEmail | undefined): void {
  if (!email) return;
  const sending = deliverAccountEmail(
    c.env,
    c.var.db,
    publicOrigin(c.env, c.req.url),
    email,
    c.var.requestId,
  );
  try {
    c.executionCtx.waitUntil(sending);
  } catch {
    // No execution context (a test calling app.request directly): the promise still runs to completion.
  }
}
