/** Signing in: sessions, single-use email tokens and the failed-login throttle, for customers and staff alike. */
import { PRINCIPAL_KINDS } from '@domain/identity/principal';
import { TOKEN_PURPOSES } from '@domain/identity/tokens';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a leaked database (or backup)
 * holds no usable session. `expiresAt` is the earlier of the idle and absolute limits (domain/identity/session-policy)
 * and moves forward as the session is used.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind', { enum: PRINCIPAL_KINDS }).notNull(),
    principalId: text('principal_id').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** The browser's User-Agent at sign-in, trimmed, so a person can recognise their sessions. */
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_principal_idx').on(t.kind, t.principalId),
    index('sessions_expires_idx').on(t.expiresAt),
    check('sessions_kind_check', isOneOf(t.kind, PRINCIPAL_KINDS)),
  ],
);

/**
 * A single-use token sent by email (verify an address, reset a password, confirm an email change, unlock an
 * account, accept a staff invitation). Stored hashed; `usedAt` is set by the statement that accepts it.
 */
export const authTokens = sqliteTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', { enum: TOKEN_PURPOSES }).notNull(),
    kind: text('kind', { enum: PRINCIPAL_KINDS }).notNull(),
    /** The account it acts on; null for an invitation (the account does not exist yet). */
    principalId: text('principal_id'),
    /** The address the token was sent to (the new address for an email change, the invitee for an invitation). */
    email: text('email').notNull(),
    /** Purpose-specific JSON (an invitation's name, roles and inviter). */
    data: text('data'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [
    index('auth_tokens_principal_idx').on(t.kind, t.principalId, t.purpose),
    index('auth_tokens_purpose_created_idx').on(t.purpose, t.createdAt),
    index('auth_tokens_expires_idx').on(t.expiresAt),
    check('auth_tokens_purpose_check', isOneOf(t.purpose, TOKEN_PURPOSES)),
    check('auth_tokens_kind_check', isOneOf(t.kind, PRINCIPAL_KINDS)),
  ],
);

/** Failed logins per (kind, email hash) in a row, and the lock they earned (domain/identity/login-throttle). */
export const loginThrottles = sqliteTable(
  'login_throttles',
  {
    /** `<kind>:<sha-256 of the lower-cased email>`: unknown addresses are counted too, and no address is stored. */
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: integer('last_failed_at').notNull(),
    lockedUntil: integer('locked_until').notNull().default(0),
  },
  (t) => [index('login_throttles_last_failed_idx').on(t.lastFailedAt)],
);
