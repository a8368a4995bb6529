/**
 * Emails the account services ask to have sent, and the single-use tokens in their links. Services say *what* to
 * send (kind, recipient, token); the HTTP layer knows the shop's origin, builds the link and hands the message to
 * the mailer after the response (so sending takes no time an attacker could measure).
 */
import type { Db } from '@db/client';
import { insertAuthToken, revokeAuthTokens } from '@db/repositories/auth-tokens';
import type { PrincipalKind } from '@domain/identity/principal';
import type { StaffRole } from '@domain/identity/roles';
import { hashSecretToken, newSecretToken } from '@domain/identity/secret-token';
import { TOKEN_TTL_MS, type TokenPurpose } from '@domain/identity/tokens';

export type AccountEmail =
  | { kind: 'verify-email' | 'reset-password'; to: string; name: string; token: string }
  | { kind: 'account-unlock'; to: string; name: string; token: string; staff?: boolean }
  | { kind: 'change-email'; to: string; oldEmail: string; name: string; token: string }
  | { kind: 'already-registered'; to: string; name: string }
  | { kind: 'staff-invite'; to: string; name: string; token: string; inviter: string; roles: StaffRole[] };

/**
 * Issues a token for `purpose`, replacing any open one of the same purpose for the account (only the newest link
 * works). Returns the token to put in the link.
 */
export async function issueToken(
  db: Db,
  t: {
    purpose: TokenPurpose;
    kind: PrincipalKind;
    principalId: string | null;
    email: string;
    data?: unknown;
    now: number;
  },
): Promise<string> {
  if (t.principalId) await revokeAuthTokens(db, t.kind, t.principalId, t.purpose, t.now);
  const token = newSecretToken();
  await insertAuthToken(db, {
    tokenHash: hashSecretToken(token),
    purpose: t.purpose,
    kind: t.kind,
    principalId: t.principalId,
    email: t.email,
    data: t.data === undefined ? null : JSON.stringify(t.data),
    createdAt: t.now,
    expiresAt: t.now + TOKEN_TTL_MS[t.purpose],
  });
  return token;
}
