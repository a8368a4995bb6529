/**
 * Secrets handed to a browser or an inbox (session cookies, email links): 256 random bits, base64url. The database
 * keeps only their SHA-256, so reading it (or a backup) gives no usable session or link. A fast hash is right here,
 * unlike for passwords: the input is random, so there is nothing to guess.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token, 43 URL-safe characters. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores for `token`: its SHA-256, hex. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when `token` is shaped like one of ours (so junk is refused before it costs a query). */
export function isSecretTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
