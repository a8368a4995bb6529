/**
 * The developer mailbox: /dev/mailbox lists what the outbox transport stored, /dev/mailbox/:id shows one message,
 * /dev/mailbox.json?to= gives tests the newest messages (and their links). Local development only.
 */

import { createDb } from '@db/client';
import { findOutboxEmail, listOutboxEmails, MAX_OUTBOX_LIST } from '@db/repositories/email-outbox';
import type { AppEnv } from '@worker/http/app-env';
import { fieldErrors, problem } from '@worker/http/problem';
import { emailTransportName } from '@worker/services/email/mailer';
import { shopSettings } from '@worker/services/shop/settings';
import { type Context, Hono, type Next } from 'hono';
import { z } from 'zod';
import { renderMailboxList, renderMailboxMessage } from './mailbox-pages';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Two independent guards, so neither a deployment that kept the outbox nor a local run reached from another host
 * shows anyone's mail: the mailer must be the outbox AND the request must be addressed to a loopback host name.
 */
export function mailboxAvailable(c: Context<AppEnv>): boolean {
  return emailTransportName(c.env) === 'outbox' && LOCAL_HOSTS.has(new URL(c.req.url).hostname);
}

/**
 * Runs `handler` only where the mailbox is available; elsewhere the request goes on to the next route (the pages'
 * catch-all), so the answer is exactly that of an address that does not exist.
 */
const local =
  (handler: (c: Context<AppEnv>, next: Next) => Promise<Response | undefined>) =>
  async (c: Context<AppEnv>, next: Next): Promise<Response | undefined> => {
    if (mailboxAvailable(c)) return handler(c, next);
    await next();
  };

const NO_STORE = { 'Cache-Control': 'no-store' };

const JsonQuery = z
  .object({
    to: z.string().trim().min(1).max(254).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_OUTBOX_LIST).default(20),
  })
  .strict();

export const mailbox = new Hono<AppEnv>()
  .get(
    '/mailbox',
    local(async (c) => {
      const messages = await listOutboxEmails(createDb(c.env), { limit: MAX_OUTBOX_LIST });
      return c.html(renderMailboxList(shopSettings(c.env).name, messages), 200, NO_STORE);
    }),
  )
  .get(
    '/mailbox.json',
    local(async (c) => {
      const query = JsonQuery.safeParse(c.req.query());
      if (!query.success) {
        const errors = fieldErrors(query.error.issues);
        return problem(c, 'VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
          errors,
        });
      }
      const rows = await listOutboxEmails(createDb(c.env), query.data);
      const messages = rows.map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        kind: m.kind,
        createdAt: m.createdAt,
        text: m.textBody,
      }));
      return c.json({ messages }, 200, NO_STORE);
    }),
  )
  .get(
    '/mailbox/:id',
    local(async (c, next) => {
      const message = await findOutboxEmail(createDb(c.env), c.req.param('id') ?? '');
      if (message) return c.html(renderMailboxMessage(message), 200, NO_STORE);
      await next(); // an unknown message is an unknown page
    }),
  );
