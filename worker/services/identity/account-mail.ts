/**
 * Turns what an account service asked to send (AccountEmail, ./tokens) into messages with absolute links and sends
 * them. Callers (the API, the pages) run it after the response (`waitUntil`): the answer takes the same time whether
 * or not an email goes out, so response timing cannot tell which addresses have accounts.
 *
 * Links use SHOP_URL when set, else the request's own origin. On Cloudflare a request reaches this Worker only for
 * the hosts routed to it, so the origin is one of the shop's; SHOP_URL pins it where several hosts are routed.
 */

import type { Db } from '@db/client';
import { TOKEN_TTL_MS } from '@domain/identity/tokens';
import type { Env } from '@worker/env';
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
import { shopSettings } from '@worker/services/shop/settings';
import type { AccountEmail } from './tokens';

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

function messagesFor(email: AccountEmail, origin: string, env: Env): EmailMessage[] {
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
          {
            to: email.to,
            name: email.name,
            link: link(email.staff ? ACCOUNT_LINK_PATHS.staffUnlock : ACCOUNT_LINK_PATHS.unlock, email.token),
          },
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

/**
 * Sends `email` (if any). Never throws: a failure is logged (the caller has already answered the same either way).
 * Pass the promise to `waitUntil`.
 */
export async function deliverAccountEmail(
  env: Env,
  db: Db,
  origin: string,
  email: AccountEmail | undefined,
  requestId?: string,
): Promise<void> {
  if (!email) return;
  try {
    const mailer = createMailer(env, db);
    await Promise.all(messagesFor(email, origin, env).map((m) => mailer.send(m)));
  } catch (error) {
    console.error(
      JSON.stringify({ event: 'email-failed', kind: email.kind, requestId, error: String(error) }),
    );
  }
}
