/** Cron work (wrangler.toml [triggers]): housekeeping that must not ride on a shopper's request. */
import { createDb } from '@db/client';
import { purgeIdempotencyKeys } from '@db/repositories/idempotency';
import type { Env } from '@worker/env';

/** How long a stored Idempotency-Key response can be replayed (Stripe keeps theirs for 24 hours too). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The Worker's `scheduled` handler: purges expired idempotency records. */
export async function runScheduled(
  controller: Pick<ScheduledController, 'scheduledTime'>,
  env: Env,
): Promise<void> {
  const purged = await purgeIdempotencyKeys(
    createDb(env),
    controller.scheduledTime - IDEMPOTENCY_RETENTION_MS,
  );
  console.log(JSON.stringify({ level: 'info', job: 'purge-idempotency-keys', purged }));
}
