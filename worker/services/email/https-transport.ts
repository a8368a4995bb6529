/**
 * Production transport through an email provider's HTTPS API, in Resend's shape (`POST /emails`, Bearer key,
 * `{ from, to, subject, text, html }`); Postmark, SendGrid and most others differ only in field names.
 */

import { type EmailSender, type EmailTransport, isEmailAddress } from './message';

/** Resend's send endpoint; EMAIL_HTTPS_URL overrides it (another provider, or a local stand-in in tests). */
export const DEFAULT_EMAIL_HTTPS_URL = 'https://api.resend.com/emails';

/** Where and how to call the provider. */
export interface HttpsTransportConfig {
  url: string;
  token: string;
  from: EmailSender;
  /** The fetch to use (tests pass none: a local server stands in for the provider). */
  fetch?: typeof fetch;
}

/** `"Name" <address>`, quoting the name so a comma or angle bracket in it cannot split the address. */
export function formatSender(from: EmailSender): string {
  if (!from.name) return from.address;
  return `"${from.name.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}" <${from.address}>`;
}

/** Posts each message as JSON; a non-2xx answer throws with the status and the start of the provider's reason. */
export function httpsTransport(config: HttpsTransportConfig): EmailTransport {
  // A wrapper, not the bare global: workerd refuses fetch called with a foreign `this`.
  const send = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return {
    async send(message) {
      if (!isEmailAddress(message.to)) throw new Error('httpsTransport: not a single email address');
      const res = await send(config.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          from: formatSender(config.from),
          to: [message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
        }),
      });
      if (!res.ok) {
        // The provider's reason helps whoever reads the log; it never holds our key, and it is cut short.
        const reason = (await res.text().catch(() => '')).slice(0, 200);
        throw new Error(`email provider answered ${res.status}${reason ? `: ${reason}` : ''}`);
      }
      await res.body?.cancel();
    },
  };
}
