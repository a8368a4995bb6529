/** The daily cron purges Idempotency-Key records past their 24-hour retention, and keeps the rest. */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { claimIdempotencyKey, findIdempotencyRecord } from '@db/repositories/idempotency';
import { IDEMPOTENCY_RETENTION_MS, runScheduled } from '@worker/jobs/scheduled';
import { expect, it } from 'vitest';

it('purges idempotency records older than the retention window', async () => {
  const db = createDb(env);
  const now = Date.UTC(2026, 10, 25, 3, 30);
  await claimIdempotencyKey(db, {
    scope: 'POST /x',
    key: 'old-key-0001',
    requestHash: 'h',
    token: 't',
    now: now - IDEMPOTENCY_RETENTION_MS - 1,
  });
  await claimIdempotencyKey(db, {
    scope: 'POST /x',
    key: 'new-key-0001',
    requestHash: 'h',
    token: 't',
    now: now - 1000,
  });

  await runScheduled({ scheduledTime: now }, env);

  expect(await findIdempotencyRecord(db, 'POST /x', 'old-key-0001')).toBeNull();
  expect(await findIdempotencyRecord(db, 'POST /x', 'new-key-0001')).not.toBeNull();
});
