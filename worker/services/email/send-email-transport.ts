/** Production transport on Cloudflare: the `send_email` binding, handed the raw MIME message mimetext builds. */

import { buildMime, type EmailSender, type EmailTransport } from './message';

/**
 * Sends through a `send_email` binding. The envelope sender is the bare address, which must equal the From header's
 * address (Cloudflare checks it), and the sending domain must be onboarded to Cloudflare Email Service.
 */
export function sendEmailTransport(binding: SendEmail, from: EmailSender): EmailTransport {
  return {
    async send(message) {
      // Imported when first used: `cloudflare:email` exists only inside workerd, and the app (hence this module) is
      // also loaded in Node, by the OpenAPI document's test and by the Qwik build.
      const { EmailMessage } = await import('cloudflare:email');
      await binding.send(new EmailMessage(from.address, message.to, buildMime(message, from)));
    },
  };
}
