/** Cron work (wrangler.toml [triggers]): housekeeping that must not ride on a shopper's request. */
import { createDb } from '@db/client';
import { purgeAuthTokens } from '@db/repositories/auth-tokens';
import { purgeIdempotencyKeys } from '@db/repositories/idempotency';
import { purgeLoginThrottles } from '@db/repositories/login-throttles';
import { purgeExpiredSessions } from '@db/repositories/sessions';
import { FAILURE_MEMORY_MS } from '@domain/identity/login-throttle';
import type { Env } from '@worker/env';
import { reconcileMovedSince } from '@worker/services/inventory/reconcile';
import { foldReportDays } from '@worker/services/reports/running';
import { purgeOldTraffic } from './traffic-retention';

/** How long a stored Idempotency-Key response can be replayed (Stripe keeps theirs for 24 hours too). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Spent or expired email tokens are kept this long after expiry (to answer "already used" sensibly), then go. */
export const AUTH_TOKEN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** The nightly reconciliation looks at SKUs that moved in the last day (and an hour, so runs overlap). */
export const RECONCILE_WINDOW_MS = 25 * 60 * 60 * 1000;

/**
 * The Worker's `scheduled` handler: purges expired idempotency records, sessions, email tokens, forgotten
 * failed-login counts and traffic events past retention, and reconciles the stock that moved. Each job is independent: one failing does not stop the
 * others.
 */
export async function runScheduled(
  controller: Pick<ScheduledController, 'scheduledTime'>,
  env: Env,
): Promise<void> {
  const db = createDb(env);
  const now = controller.scheduledTime;
  const jobs: [string, () => Promise<number>][] = [
    ['purge-idempotency-keys', () => purgeIdempotencyKeys(db, now - IDEMPOTENCY_RETENTION_MS)],
    ['purge-sessions', () => purgeExpiredSessions(db, now)],
    ['purge-auth-tokens', () => purgeAuthTokens(db, now - AUTH_TOKEN_RETENTION_MS)],
    ['purge-login-throttles', () => purgeLoginThrottles(db, now - FAILURE_MEMORY_MS)],
    ['purge-traffic', () => purgeOldTraffic(env, now)],
    ['fold-report-running', () => foldReportDays(db, now)],
  ];
  for (const [job, run] of jobs) {
    try {
      console.log(JSON.stringify({ level: 'info', job, purged: await run() }));
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', job, error: String(error) }));
    }
  }
  try {
    const { checked, drifted } = await reconcileMovedSince(env, db, now - RECONCILE_WINDOW_MS);
    const level = drifted.length > 0 ? 'error' : 'info';
    console.log(JSON.stringify({ level, job: 'reconcile-stock', checked, drifted }));
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', job: 'reconcile-stock', error: String(error) }));
  }
}
