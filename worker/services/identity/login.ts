/**
 * The login check both kinds of account share: the failed-login lock (domain/identity/login-throttle), a password
 * check that costs the same whether or not the account exists, and the hash upgrade on success.
 */
import type { Db } from '@db/client';
import {
  clearLoginThrottle,
  findLoginThrottle,
  lockLogin,
  recordLoginFailure,
} from '@db/repositories/login-throttles';
import { fail, ok, type Result } from '@domain/core/result';
import { FAILURE_MEMORY_MS, FREE_FAILURES, lockDurationMs } from '@domain/identity/login-throttle';
import type { PrincipalKind } from '@domain/identity/principal';
import { hashSecretToken } from '@domain/identity/secret-token';
import { checkPassword, type PasswordConfig } from './passwords';

/** The throttle row's key for an address: the kind plus a hash (no address is stored). */
export function throttleKey(kind: PrincipalKind, email: string): string {
  return `${kind}:${hashSecretToken(email.trim().toLowerCase())}`;
}

export interface LoginAttempt {
  kind: PrincipalKind;
  email: string;
  password: string;
  /** The account's stored hash, or null when no (usable) account has this email. */
  storedHash: string | null;
  now: number;
}

/** What a login check found. */
export type LoginCheck = Result<{ upgradedHash?: string }> & {
  /** True when this failure started a lock: the owner (if any) should get an unlock link. */
  lockStarted?: boolean;
};

export async function checkLogin(db: Db, config: PasswordConfig, a: LoginAttempt): Promise<LoginCheck> {
  const key = throttleKey(a.kind, a.email);
  const throttle = await findLoginThrottle(db, key);
  if (throttle && throttle.lockedUntil > a.now) {
    const retryAfterSeconds = Math.ceil((throttle.lockedUntil - a.now) / 1000);
    return fail(
      'LOGIN_LOCKED',
      'Too many failed logins for this email address. Try again later, or use the link we emailed to the account owner.',
      { retryAfterSeconds },
    );
  }
  const { ok: matches, upgraded } = await checkPassword(config, a.password, a.storedHash);
  if (!matches) {
    const failures = await recordLoginFailure(db, key, a.now, FAILURE_MEMORY_MS);
    const lockMs = lockDurationMs(failures);
    if (lockMs > 0) await lockLogin(db, key, a.now + lockMs);
    return {
      ...fail('INVALID_CREDENTIALS', 'The email address or password is wrong.'),
      lockStarted: failures === FREE_FAILURES,
    };
  }
  if (throttle) await clearLoginThrottle(db, key);
  return ok(upgraded ? { upgradedHash: upgraded } : {});
}
