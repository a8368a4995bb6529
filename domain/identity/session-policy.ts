/**
 * How long a sign-in lasts. Every session has an idle limit (no request for that long ends it) and an absolute limit
 * (it ends then however busy it is). Staff sessions are much shorter than shoppers': a staff session can change the
 * shop, and back-office devices (warehouse tablets) are shared. A shift fits in the staff absolute limit.
 */
import type { PrincipalKind } from './principal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const SESSION_POLICY: Record<PrincipalKind, SessionPolicy> = {
  customer: { idleMs: 14 * DAY, absoluteMs: 60 * DAY },
  staff: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR },
};

/**
 * A session's last-seen time is written at most this often, so a busy shopper does not cost a database write per
 * request; idle expiry is therefore exact to within this much.
 */
export const SESSION_TOUCH_INTERVAL_MS = 5 * MINUTE;

/** When a session seen at `lastSeenAt` and created at `createdAt` stops working. */
export function sessionExpiresAt(kind: PrincipalKind, createdAt: number, lastSeenAt: number): number {
  const p = SESSION_POLICY[kind];
  return Math.min(createdAt + p.absoluteMs, lastSeenAt + p.idleMs);
}
