/**
 * The Worker's password settings: scrypt at SCRYPT_COST, peppered with the `PASSWORD_PEPPER` secret when set.
 * Secrets are `<id>:<secret>`; `PASSWORD_PEPPER_PREVIOUS` keeps a retired pepper verifying while its hashes are
 * upgraded at each owner's next login.
 */
import {
  hashPassword,
  needsRehash,
  type Pepper,
  SCRYPT_COST,
  verifyPassword,
} from '@domain/identity/password';

export interface PasswordEnv {
  PASSWORD_PEPPER?: string;
  PASSWORD_PEPPER_PREVIOUS?: string;
}

export interface PasswordConfig {
  pepper?: Pepper;
  peppers: Pepper[];
}

function parsePepper(value: string | undefined, name: string): Pepper | undefined {
  if (!value) return undefined;
  const at = value.indexOf(':');
  if (at < 1 || at === value.length - 1) throw new Error(`${name} must be "<id>:<secret>"`);
  return { id: value.slice(0, at), secret: value.slice(at + 1) };
}

export function passwordConfig(env: PasswordEnv): PasswordConfig {
  const pepper = parsePepper(env.PASSWORD_PEPPER, 'PASSWORD_PEPPER');
  const previous = parsePepper(env.PASSWORD_PEPPER_PREVIOUS, 'PASSWORD_PEPPER_PREVIOUS');
  return { pepper, peppers: [pepper, previous].filter((p): p is Pepper => p !== undefined) };
}

export function hashNewPassword(config: PasswordConfig, password: string): Promise<string> {
  return hashPassword(password, { cost: SCRYPT_COST, pepper: config.pepper });
}

/**
 * A real hash of a random password nobody knows, at SCRYPT_COST: verifying against it takes as long as verifying a
 * real account, so "no such email" answers no faster than "wrong password".
 */
const DUMMY_HASH = 'scrypt$16384$8$5$-$NVdTNTUdAQdINiw2ApL9dA==$vpt/YyFn5QwIhakPDrpIW50A5NMzyLTXW4+RdPh30fY=';

/**
 * Checks `password` against `stored` (null: no such account, checked against the dummy so it costs the same).
 * On success, `upgraded` is a fresh hash when the stored one is older, cheaper or under another pepper.
 */
export async function checkPassword(
  config: PasswordConfig,
  password: string,
  stored: string | null,
): Promise<{ ok: boolean; upgraded?: string }> {
  const ok = await verifyPassword(password, stored ?? DUMMY_HASH, { peppers: config.peppers });
  if (!ok || stored === null) return { ok: false };
  if (!needsRehash(stored, { cost: SCRYPT_COST, pepper: config.pepper })) return { ok: true };
  return { ok: true, upgraded: await hashNewPassword(config, password) };
}
