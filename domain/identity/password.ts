/** Password hashing with PBKDF2-SHA256 over WebCrypto, identical in Node 22, workerd and browsers. */
import { z } from 'zod';

/**
 * Iterations used for new hashes. workerd refuses PBKDF2 above 100 000 iterations, so this is both
 * the default and the ceiling: a hash made anywhere must verify inside the Worker.
 */
export const PBKDF2_MAX_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = 'pbkdf2_sha256';

/** Zod schema for a new password: 8-256 characters (the cap bounds hashing work per request). */
export const PasswordSchema = z.string().min(8).max(256);

function toB64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromB64(s: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function derive(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bits: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const out = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    bits,
  );
  return new Uint8Array(out);
}

function checkIterations(iterations: number): boolean {
  return Number.isSafeInteger(iterations) && iterations >= 1 && iterations <= PBKDF2_MAX_ITERATIONS;
}

/**
 * Hashes `password` with a fresh random salt; returns `pbkdf2_sha256$<iterations>$<saltB64>$<hashB64>`.
 * Lower `iterations` only in tests. Throws RangeError outside 1..PBKDF2_MAX_ITERATIONS.
 */
export async function hashPassword(password: string, options: { iterations?: number } = {}): Promise<string> {
  const iterations = options.iterations ?? PBKDF2_MAX_ITERATIONS;
  if (!checkIterations(iterations)) throw new RangeError(`iterations must be 1..${PBKDF2_MAX_ITERATIONS}`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations, HASH_BITS);
  return `${PREFIX}$${iterations}$${toB64(salt)}$${toB64(hash)}`;
}

/** Compares every byte whatever the first difference, so timing does not reveal how much matched. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function parse(stored: string): { iterations: number; salt: Uint8Array; hash: Uint8Array } | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^[1-9]\d*$/.test(parts[1]!)) return null;
  const iterations = Number(parts[1]);
  const salt = fromB64(parts[2]!);
  const hash = fromB64(parts[3]!);
  if (!checkIterations(iterations) || !salt || !hash || salt.length === 0 || hash.length < 16) return null;
  return { iterations, salt, hash };
}

/** True when `password` matches `stored`. A malformed or unsupported `stored` value is simply false. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when `stored` was made with fewer iterations than wanted now (re-hash after a successful login). */
export function needsRehash(stored: string, iterations: number = PBKDF2_MAX_ITERATIONS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.iterations < iterations;
}
