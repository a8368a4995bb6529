/** The development transport: messages go into the email_outbox table, where /dev/mailbox shows them. */

import type { Db } from '@db/client';
import { insertOutboxEmail } from '@db/repositories/email-outbox';
import type { EmailTransport } from './message';

/** Stores each message in the outbox at `now()` instead of sending it. */
export function outboxTransport(db: Db, now: () => number = Date.now): EmailTransport {
  return {
    async send(message) {
      await insertOutboxEmail(
        db,
        {
          to: message.to,
          subject: message.subject,
          textBody: message.text,
          htmlBody: message.html,
          kind: message.kind,
        },
        now(),
      );
    },
  };
}
