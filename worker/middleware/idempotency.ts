/**
 * Idempotency-Key for state-changing requests: the first successful response is stored and replayed for the
 * same key; the same key with a different request is 422, and a key whose first request is still running is 409.
 */

import type { Db } from '@db/client';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  findIdempotencyRecord,
  releaseIdempotencyKey,
} from '@db/repositories/idempotency';
import { ProblemError } from '@worker/http/problem';
import { createMiddleware } from 'hono/factory';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Response headers worth replaying. */
const REPLAYED_HEADERS = ['content-type', 'location', 'set-cookie', 'cache-control'];

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const idempotency = createMiddleware<{ Variables: { db: Db } }>(async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (!key || !STATE_CHANGING.has(c.req.method)) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ProblemError(
      'VALIDATION_FAILED',
      'Idempotency-Key must be 8-128 characters of [A-Za-z0-9_.:-].',
      {
        errors: [{ path: 'header.Idempotency-Key', message: 'invalid format' }],
      },
    );
  }
  const db = c.var.db;
  const scope = `${c.req.method} ${c.req.path}`;
  const requestHash = await sha256Hex(`${scope}\n${await c.req.text()}`);
  const now = Date.now();

  if (!(await claimIdempotencyKey(db, { scope, key, requestHash, now }))) {
    const record = await findIdempotencyRecord(db, scope, key);
    if (!record) throw new ProblemError('IDEMPOTENCY_IN_PROGRESS', 'Retry this request in a moment.');
    if (record.requestHash !== requestHash) {
      throw new ProblemError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request.',
      );
    }
    if (record.statusCode === null) {
      throw new ProblemError(
        'IDEMPOTENCY_IN_PROGRESS',
        'The first request with this key has not finished yet.',
      );
    }
    const headers = new Headers(JSON.parse(record.responseHeaders ?? '{}') as Record<string, string>);
    headers.set('Idempotent-Replayed', 'true');
    return new Response(record.responseBody, { status: record.statusCode, headers });
  }

  try {
    await next();
  } finally {
    // Like Stripe, only a completed operation is a result to replay: after a rejection (4xx) or a fault
    // (5xx) nothing was written, so the client may retry, or fix the request, with the same key.
    if (c.error || c.res.status >= 400) await releaseIdempotencyKey(db, scope, key);
  }
  if (c.error || c.res.status >= 400) return;
  const body = await c.res.clone().text();
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = c.res.headers.get(name);
    if (value) headers[name] = value;
  }
  await completeIdempotencyRecord(db, {
    scope,
    key,
    statusCode: c.res.status,
    headers,
    body,
    now: Date.now(),
  });
});
