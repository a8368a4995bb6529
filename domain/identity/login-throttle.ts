/**
 * Credential stuffing slows down without letting anyone lock a victim out for good. Failed logins are counted per
 * email address (known or not, so the lock itself reveals nothing). After FREE_FAILURES in a row, each further failure
 * locks the address for a doubling time, capped at MAX_LOCK_MS; the lock ends by itself, a successful login resets
 * the count, and the account owner gets an email with a link that lifts the lock at once. The per-address and
 * per-account rate limits (worker/services/limits) sit on top of this.
 */
const MINUTE = 60_000;

/** Failures allowed before the first lock. */
export const FREE_FAILURES = 5;
/** The first lock; each further failure doubles it. */
export const FIRST_LOCK_MS = MINUTE;
/** The longest lock: an attacker can never make it longer than this, however many attempts they make. */
export const MAX_LOCK_MS = 15 * MINUTE;
/** A run of failures older than this is forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * MINUTE;

/** How long to lock after the `failures`-th failure in a row (0 while still under FREE_FAILURES). */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}
