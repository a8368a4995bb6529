/** The one email interface: createMailer picks the transport EMAIL_TRANSPORT names (the local outbox by default). */

import type { Db } from '@db/client';
import { shopSettings } from '@worker/services/shop/settings';
import { DEFAULT_EMAIL_HTTPS_URL, httpsTransport } from './https-transport';
import { type EmailSender, type EmailTransport, isEmailAddress } from './message';
import { outboxTransport } from './outbox-transport';
import { sendEmailTransport } from './send-email-transport';

/** The transports EMAIL_TRANSPORT may name. */
export const EMAIL_TRANSPORTS = ['outbox', 'send_email', 'https'] as const;

/** One of EMAIL_TRANSPORTS. */
export type EmailTransportName = (typeof EMAIL_TRANSPORTS)[number];

/** The configuration the mailer reads (a subset of worker/env.ts Env). */
export interface MailerEnv {
  /** 'outbox' (the default when unset), 'send_email' or 'https'; production sets one of the last two. */
  EMAIL_TRANSPORT?: string;
  /** The sender address; `shop@localhost` will do for the outbox, a real sending domain is required otherwise. */
  EMAIL_FROM?: string;
  /** The provider's endpoint for 'https' (default: Resend's). */
  EMAIL_HTTPS_URL?: string;
  /** The provider's API key for 'https' (a secret). */
  EMAIL_HTTPS_TOKEN?: string;
  /** The `send_email` binding for 'send_email' ([[send_email]] in wrangler.toml). */
  EMAIL?: SendEmail;
  SHOP_NAME?: string;
}

/** A transport that also says which one it is (the developer mailbox answers only for the outbox). */
export interface Mailer extends EmailTransport {
  readonly transport: EmailTransportName;
}

/** The outbox's sender when EMAIL_FROM is unset. */
export const DEFAULT_OUTBOX_FROM = 'shop@localhost';

/** The configured transport's name: 'outbox' when EMAIL_TRANSPORT is unset or blank, null when it names none. */
export function emailTransportName(env: MailerEnv): EmailTransportName | null {
  const name = env.EMAIL_TRANSPORT?.trim() || 'outbox';
  return (EMAIL_TRANSPORTS as readonly string[]).includes(name) ? (name as EmailTransportName) : null;
}

function sender(env: MailerEnv, transport: EmailTransportName): EmailSender {
  const address = env.EMAIL_FROM?.trim() || DEFAULT_OUTBOX_FROM;
  if (!isEmailAddress(address)) throw new Error('EMAIL_FROM must be one bare address, e.g. shop@example.com');
  // A real transport with the development sender would be refused by every provider, or worse, be accepted and land
  // in spam: say so at the first send rather than in a bounce.
  if (transport !== 'outbox' && address.toLowerCase().endsWith('@localhost')) {
    throw new Error(`EMAIL_TRANSPORT=${transport} needs EMAIL_FROM on a domain set up for sending`);
  }
  return { address, name: shopSettings(env).name };
}

/**
 * The mailer for this environment. Throws on a configuration that cannot send (an unknown EMAIL_TRANSPORT, a
 * missing binding or token, a development sender with a real transport): email must not vanish silently.
 */
export function createMailer(env: MailerEnv, db: Db): Mailer {
  const transport = emailTransportName(env);
  if (!transport) {
    throw new Error(
      `EMAIL_TRANSPORT must be one of ${EMAIL_TRANSPORTS.join(', ')} (got "${env.EMAIL_TRANSPORT}")`,
    );
  }
  const from = sender(env, transport);
  let impl: EmailTransport;
  switch (transport) {
    case 'outbox':
      impl = outboxTransport(db);
      break;
    case 'send_email':
      if (!env.EMAIL)
        throw new Error('EMAIL_TRANSPORT=send_email needs a [[send_email]] binding named EMAIL');
      impl = sendEmailTransport(env.EMAIL, from);
      break;
    case 'https':
      if (!env.EMAIL_HTTPS_TOKEN) throw new Error('EMAIL_TRANSPORT=https needs the EMAIL_HTTPS_TOKEN secret');
      impl = httpsTransport({
        url: env.EMAIL_HTTPS_URL?.trim() || DEFAULT_EMAIL_HTTPS_URL,
        token: env.EMAIL_HTTPS_TOKEN,
        from,
      });
      break;
  }
  return { transport, send: (message) => impl.send(message) };
}
