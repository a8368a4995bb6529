/**
 * Password hashing. New hashes use scrypt, memory-hard, through `node:crypto` (native in Node and in workerd with
 * nodejs_compat), optionally peppered with a secret; PBKDF2-SHA256 hashes made before still verify and are flagged
 * for re-hashing after a successful login.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** scrypt's cost: CPU/memory cost N (a power of two), block size r, parallelism p (run one after another here). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's listed scrypt setting N=2^14, r=8, p=5: 16 MiB per hash (128·N·r bytes), which a deployed Worker's 128 MB
 * holds several times over, rated by OWASP as equal to its N=2^17, p=1 default (which needs 128 MiB).
 */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 5 };

/** For tests and fixtures only (about a millisecond): never for a real account. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** Largest cost a stored hash may ask for: bounds the memory and time one verification can take. */
const MAX_COST: ScryptCost = { N: 2 ** 17, r: 16, p: 16 };

/**
 * A server-side secret mixed into every new hash (the password is HMAC-SHA256'd under it first), so a stolen
 * database alone cannot be attacked offline. The id is stored with the hash, so a pepper can be rotated: hashes
 * under an old id verify while it is still configured and are re-hashed under the new one at the next login.
 */
export interface Pepper {
  id: string;
  secret: string;
}

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const SCRYPT = 'scrypt';
const PBKDF2 = 'pbkdf2_sha256';
/** PBKDF2 hashes from before scrypt: workerd refuses more iterations than this, so none were made with more. */
const PBKDF2_MAX_ITERATIONS = 100_000;

/** Zod schema for a new password: 8-256 characters (the cap bounds hashing work per request). */
export const PasswordSchema = z.string().min(8).max(256);

const PEPPER_ID = /^[A-Za-z0-9_-]{1,32}$/;
const NO_PEPPER = '-';

function scryptBytes(
  input: Buffer | string,
  salt: Buffer,
  cost: ScryptCost,
  length: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(input, salt, length, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function peppered(password: string, pepper: Pepper | undefined): Buffer | string {
  return pepper ? createHmac('sha256', pepper.secret).update(password, 'utf8').digest() : password;
}

function withinCost(cost: ScryptCost, max: ScryptCost = MAX_COST): boolean {
  const { N, r, p } = cost;
  const powerOfTwo = Number.isSafeInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  const whole = (n: number, top: number) => Number.isSafeInteger(n) && n >= 1 && n <= top;
  return powerOfTwo && N <= max.N && whole(r, max.r) && whole(p, max.p);
}

/**
 * Hashes `password` with a fresh random salt: `scrypt$<N>$<r>$<p>$<pepper id or ->$<salt>$<hash>` (base64).
 * Throws RangeError for a cost outside the bounds a verification accepts, or a malformed pepper id.
 */
export async function hashPassword(
  password: string,
  options: { cost?: ScryptCost; pepper?: Pepper } = {},
): Promise<string> {
  const cost = options.cost ?? SCRYPT_COST;
  if (!withinCost(cost)) throw new RangeError('scrypt cost out of bounds');
  if (options.pepper && !PEPPER_ID.test(options.pepper.id)) throw new RangeError('malformed pepper id');
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptBytes(peppered(password, options.pepper), salt, cost, HASH_BYTES);
  const pepperId = options.pepper?.id ?? NO_PEPPER;
  return [SCRYPT, cost.N, cost.r, cost.p, pepperId, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

type Parsed =
  | { kind: 'scrypt'; cost: ScryptCost; pepperId: string; salt: Buffer; hash: Buffer }
  | { kind: 'pbkdf2'; iterations: number; salt: Buffer; hash: Buffer };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DECIMAL = /^[1-9]\d{0,9}$/;

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  const bytes = (s: string | undefined) => (s && B64.test(s) ? Buffer.from(s, 'base64') : null);
  if (parts[0] === SCRYPT && parts.length === 7) {
    const [, n, r, p, pepperId, salt, hash] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (![n, r, p].every((x) => DECIMAL.test(x))) return null;
    const cost = { N: Number(n), r: Number(r), p: Number(p) };
    const saltBytes = bytes(salt);
    const hashBytes = bytes(hash);
    if (!withinCost(cost) || (pepperId !== NO_PEPPER && !PEPPER_ID.test(pepperId))) return null;
    if (!saltBytes?.length || !hashBytes || hashBytes.length < 16) return null;
    return { kind: 'scrypt', cost, pepperId, salt: saltBytes, hash: hashBytes };
  }
  if (parts[0] === PBKDF2 && parts.length === 4 && DECIMAL.test(parts[1]!)) {
    const iterations = Number(parts[1]);
    const salt = bytes(parts[2]);
    const hash = bytes(parts[3]);
    if (iterations > PBKDF2_MAX_ITERATIONS || !salt?.length || !hash || hash.length < 16) return null;
    return { kind: 'pbkdf2', iterations, salt, hash };
  }
  return null;
}

async function pbkdf2(password: string, salt: Buffer, iterations: number, bytes: number): Promise<Buffer> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations };
  return Buffer.from(await crypto.subtle.deriveBits(params, key, bytes * 8));
}

/**
 * True when `password` matches `stored`. `peppers` are the configured secrets, current and retired; a hash made
 * under a pepper that is not among them cannot verify. A malformed or unsupported `stored` value is simply false.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  options: { peppers?: readonly Pepper[] } = {},
): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  let candidate: Buffer;
  if (parsed.kind === 'pbkdf2') {
    candidate = await pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length);
  } else {
    const pepper = options.peppers?.find((p) => p.id === parsed.pepperId);
    if (parsed.pepperId !== NO_PEPPER && !pepper) return false;
    candidate = await scryptBytes(peppered(password, pepper), parsed.salt, parsed.cost, parsed.hash.length);
  }
  return timingSafeEqual(candidate, parsed.hash);
}

/**
 * True when `stored` should be replaced by a fresh hash once the password has been verified: an older scheme
 * (PBKDF2), a lower cost than `cost`, another pepper than `pepper`, or a value that does not parse.
 */
export function needsRehash(stored: string, options: { cost?: ScryptCost; pepper?: Pepper } = {}): boolean {
  const parsed = parse(stored);
  if (parsed?.kind !== 'scrypt') return true;
  const want = options.cost ?? SCRYPT_COST;
  const { N, r, p } = parsed.cost;
  if (N < want.N || r < want.r || p < want.p) return true;
  return parsed.pepperId !== (options.pepper?.id ?? NO_PEPPER);
}
