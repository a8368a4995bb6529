/** The daily cron purges what has run out (Idempotency-Key records, sessions, email tokens, failed-login counts). */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { insertAuthToken } from '@db/repositories/auth-tokens';
import { claimIdempotencyKey, findIdempotencyRecord } from '@db/repositories/idempotency';
import { findLoginThrottle, recordLoginFailure } from '@db/repositories/login-throttles';
import { insertSession } from '@db/repositories/sessions';
import { authTokens, sessions } from '@db/schema';
import { FAILURE_MEMORY_MS } from '@domain/identity/login-throttle';
import { AUTH_TOKEN_RETENTION_MS, IDEMPOTENCY_RETENTION_MS, runScheduled } from '@worker/jobs/scheduled';
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

it('purges expired sessions, long-expired email tokens and forgotten failed-login counts', async () => {
  const db = createDb(env);
  const now = Date.UTC(2026, 10, 26, 3, 30);
  const session = (tokenHash: string, expiresAt: number) => ({
    tokenHash,
    kind: 'customer' as const,
    principalId: 'cus_x',
    createdAt: now - 1000,
    lastSeenAt: now - 1000,
    expiresAt,
    userAgent: null,
  });
  await insertSession(db, session('expired', now - 1));
  await insertSession(db, session('live', now + 1000));
  const token = (tokenHash: string, expiresAt: number) => ({
    tokenHash,
    purpose: 'reset-password' as const,
    kind: 'customer' as const,
    principalId: 'cus_x',
    email: 'x@example.com',
    data: null,
    createdAt: now - 1000,
    expiresAt,
  });
  await insertAuthToken(db, token('long-gone', now - AUTH_TOKEN_RETENTION_MS - 1));
  await insertAuthToken(db, token('recently-expired', now - 1));
  await recordLoginFailure(db, 'customer:old', now - FAILURE_MEMORY_MS - 1, FAILURE_MEMORY_MS);
  await recordLoginFailure(db, 'customer:recent', now - 1000, FAILURE_MEMORY_MS);

  await runScheduled({ scheduledTime: now }, env);

  expect((await db.select().from(sessions)).map((s) => s.tokenHash)).toEqual(['live']);
  expect((await db.select().from(authTokens)).map((t) => t.tokenHash)).toEqual(['recently-expired']);
  expect(await findLoginThrottle(db, 'customer:old')).toBeNull();
  expect(await findLoginThrottle(db, 'customer:recent')).not.toBeNull();
});
