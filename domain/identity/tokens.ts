/**
 * Single-use tokens sent by email: what each is for and how long it lasts. Tokens are random and stored only as
 * hashes; using one marks it used in the same statement that checks it, so a replay or a race finds it spent.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const TOKEN_PURPOSES = [
  'verify-email',
  'reset-password',
  'change-email',
  'unlock-account',
  'staff-invite',
] as const;

/** One of TOKEN_PURPOSES. */
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a token of each purpose can be used. A reset link is short-lived; an invitation waits a few days. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  'verify-email': 48 * HOUR,
  'reset-password': 30 * MINUTE,
  'change-email': 24 * HOUR,
  'unlock-account': 24 * HOUR,
  'staff-invite': 72 * HOUR,
};
