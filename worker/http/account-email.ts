/**
 * Turns what an account service asked to send (worker/services/identity/tokens AccountEmail) into messages with
 * absolute links, and sends them after the response (`waitUntil`): the answer takes the same time whether or not
 * an email goes out, so response timing cannot tell which addresses have accounts.
 *
 * Links use SHOP_URL when set, else the request's own origin. On Cloudflare a request reaches this Worker only for
 * the hosts routed to it, so the origin is one of the shop's; SHOP_URL pins it where several hosts are routed.
 */
import { TOKEN_TTL_MS } from '@domain/identity/tokens';
import type { AppEnv } from '@worker/http/app-env';
import { createMailer } from '@worker/services/email/mailer';
import type { EmailMessage } from '@worker/services/email/message';
import {
  accountUnlockMessage,
  alreadyRegisteredMessage,
  emailChangeMessages,
  passwordResetMessage,
  staffInviteMessage,
  verifyEmailMessage,
} from '@worker/services/email/templates';
import type { AccountEmail } from '@worker/services/identity/tokens';
import { shopSettings } from '@worker/services/shop/settings';
import type { Context } from 'hono';

/** The page each link opens (the page asks for a click before it uses the token, so mail scanners spend nothing). */
export const ACCOUNT_LINK_PATHS = {
  verify: '/account/verify',
  reset: '/account/reset-password',
  confirmEmail: '/account/confirm-email',
  unlock: '/account/unlock',
  login: '/account/login',
  forgot: '/account/forgot-password',
  staffInvite: '/admin/accept-invitation',
  staffUnlock: '/admin/unlock',
} as const;

function messagesFor(email: AccountEmail, origin: string, env: AppEnv['Bindings']): EmailMessage[] {
  const shop = shopSettings(env);
  const link = (path: string, token?: string) =>
    `${origin}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  switch (email.kind) {
    case 'verify-email':
      return [
        verifyEmailMessage(
          { to: email.to, name: email.name, link: link(ACCOUNT_LINK_PATHS.verify, email.token) },
          shop,
        ),
      ];
    case 'reset-password':
      return [
        passwordResetMessage(
          {
            to: email.to,
            name: email.name,
            link: link(ACCOUNT_LINK_PATHS.reset, email.token),
            expiresInMinutes: TOKEN_TTL_MS['reset-password'] / 60_000,
          },
          shop,
        ),
      ];
    case 'change-email': {
      const { confirm, notice } = emailChangeMessages(
        {
          oldAddress: email.oldEmail,
          newAddress: email.to,
          name: email.name,
          link: link(ACCOUNT_LINK_PATHS.confirmEmail, email.token),
        },
        shop,
      );
      return [confirm, notice];
    }
    case 'account-unlock':
      return [
        accountUnlockMessage(
          { to: email.to, name: email.name, link: link(ACCOUNT_LINK_PATHS.unlock, email.token) },
          shop,
        ),
      ];
    case 'already-registered':
      return [
        alreadyRegisteredMessage(
          {
            to: email.to,
            name: email.name,
            loginLink: link(ACCOUNT_LINK_PATHS.login),
            resetLink: link(ACCOUNT_LINK_PATHS.forgot),
          },
          shop,
        ),
      ];
    case 'staff-invite':
      return [
        staffInviteMessage(
          {
            to: email.to,
            name: email.name,
            inviterName: email.inviter,
            roles: email.roles,
            link: link(ACCOUNT_LINK_PATHS.staffInvite, email.token),
          },
          shop,
        ),
      ];
  }
}

/** Sends `email` (if any) after the response. A failure is logged, never shown: the answer was already the same. */
export function sendAccountEmail(c: Context<AppEnv>, email: AccountEmail | undefined): void {
  if (!email) return;
  const origin = c.env.SHOP_URL ? new URL(c.env.SHOP_URL).origin : new URL(c.req.url).origin;
  const mailer = createMailer(c.env, c.var.db);
  const sending = Promise.all(messagesFor(email, origin, c.env).map((m) => mailer.send(m))).catch(
    (error: unknown) =>
      console.error(
        JSON.stringify({
          event: 'email-failed',
          kind: email.kind,
          requestId: c.var.requestId,
          error: String(error),
        }),
      ),
  );
  try {
    c.executionCtx.waitUntil(sending);
  } catch {
    // No execution context (a test calling app.request directly): the promise still runs to completion.
  }
}
