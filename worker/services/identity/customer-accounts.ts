/**
 * Customer accounts: sign-up, email verification, login, password reset and change, email change, unlock, export
 * and erasure. Answers never tell whether an email has an account: sign-up and reset look the same either way (the
 * owner gets an email instead), and login checks a dummy hash for unknown addresses.
 */
import type { Db } from '@db/client';
import { consumeAuthToken } from '@db/repositories/auth-tokens';
import {
  anonymiseCustomer,
  type Customer,
  findCustomerByEmail,
  findCustomerById,
  insertCustomer,
  updateCustomer,
} from '@db/repositories/customers';
import { clearLoginThrottle } from '@db/repositories/login-throttles';
import { deleteSessionsOf } from '@db/repositories/sessions';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { passwordRepeatsEmail, type RegisterInput } from '@domain/identity/account-input';
import { hashSecretToken, newSecretToken } from '@domain/identity/secret-token';
import { checkLogin, throttleKey } from './login';
import { checkPassword, hashNewPassword, type PasswordConfig } from './passwords';
import { startSession } from './sessions';
import { type AccountEmail, issueToken } from './tokens';

export interface AccountContext {
  db: Db;
  passwords: PasswordConfig;
  now: number;
}

const badToken = () =>
  fail<never>('INVALID_TOKEN', 'This link is invalid, was already used, or has expired.');

/**
 * Signs a shopper up (unverified) and asks for a verification email. An address that already has an account gets
 * a "you already have an account" email instead, and the answer is the same: a password is hashed either way.
 */
export async function register(
  ctx: AccountContext,
  input: RegisterInput,
  defaultCountry: string,
): Promise<AccountEmail> {
  const passwordHash = await hashNewPassword(ctx.passwords, input.password);
  const id = newId('customer', ctx.now);
  const created = await insertCustomer(ctx.db, {
    id,
    email: input.email,
    passwordHash,
    name: input.name,
    country: input.country ?? defaultCountry,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (!created) {
    const existing = await findCustomerByEmail(ctx.db, input.email);
    return { kind: 'already-registered', to: input.email, name: existing?.name ?? input.name };
  }
  const token = await issueToken(ctx.db, {
    purpose: 'verify-email',
    kind: 'customer',
    principalId: id,
    email: input.email,
    now: ctx.now,
  });
  return { kind: 'verify-email', to: input.email, name: input.name, token };
}

/** Marks the address verified. */
export async function verifyEmail(
  ctx: AccountContext,
  token: string,
): Promise<Result<{ customerId: string }>> {
  const row = await consumeAuthToken(ctx.db, hashSecretToken(token), 'verify-email', ctx.now);
  const customer = row?.principalId ? await findCustomerById(ctx.db, row.principalId) : null;
  if (!row || !customer || customer.email !== row.email) return badToken();
  if (customer.emailVerifiedAt === null) {
    await updateCustomer(ctx.db, customer.id, { emailVerifiedAt: ctx.now }, ctx.now);
  }
  return ok({ customerId: customer.id });
}

/** What a successful login hands back: the new session's token and who signed in. */
export interface LoginSuccess {
  sessionToken: string;
  customer: Customer;
}

/**
 * Logs a shopper in. Failures: INVALID_CREDENTIALS (unknown email or wrong password, indistinguishable),
 * LOGIN_LOCKED (too many failures for this address, known or not), EMAIL_NOT_VERIFIED (right password, address
 * not yet verified: a fresh link is sent). `email` is what to send, if anything, whatever the outcome.
 */
export async function login(
  ctx: AccountContext,
  input: { email: string; password: string; userAgent?: string },
): Promise<{ result: Result<LoginSuccess>; email?: AccountEmail }> {
  const customer = await findCustomerByEmail(ctx.db, input.email);
  const check = await checkLogin(ctx.db, ctx.passwords, {
    kind: 'customer',
    email: input.email,
    password: input.password,
    storedHash: customer?.passwordHash ?? null,
    now: ctx.now,
  });
  if (!check.ok) {
    const email = check.lockStarted && customer ? await unlockEmail(ctx, customer) : undefined;
    return { result: check, email };
  }
  const account = customer as Customer;
  if (check.value.upgradedHash) {
    await updateCustomer(ctx.db, account.id, { passwordHash: check.value.upgradedHash }, ctx.now);
  }
  if (account.emailVerifiedAt === null) {
    const token = await issueToken(ctx.db, {
      purpose: 'verify-email',
      kind: 'customer',
      principalId: account.id,
      email: account.email,
      now: ctx.now,
    });
    return {
      result: fail('EMAIL_NOT_VERIFIED', 'Verify your email address first: we have sent you a new link.'),
      email: { kind: 'verify-email', to: account.email, name: account.name, token },
    };
  }
  const sessionToken = await startSession(ctx.db, 'customer', account.id, input.userAgent, ctx.now);
  return { result: ok({ sessionToken, customer: account }) };
}

async function unlockEmail(ctx: AccountContext, customer: Customer): Promise<AccountEmail> {
  const token = await issueToken(ctx.db, {
    purpose: 'unlock-account',
    kind: 'customer',
    principalId: customer.id,
    email: customer.email,
    now: ctx.now,
  });
  return { kind: 'account-unlock', to: customer.email, name: customer.name, token };
}

/**
 * Lifts the failed-login lock on an account's address (the link emailed when the lock started), for customers and
 * staff alike: the token says which kind of account it is for.
 */
export async function unlock(ctx: AccountContext, token: string): Promise<Result<null>> {
  const row = await consumeAuthToken(ctx.db, hashSecretToken(token), 'unlock-account', ctx.now);
  if (!row) return badToken();
  await clearLoginThrottle(ctx.db, throttleKey(row.kind, row.email));
  return ok(null);
}

/** Sends a reset link if the address has an account; the caller answers the same either way. */
export async function requestPasswordReset(
  ctx: AccountContext,
  email: string,
): Promise<AccountEmail | undefined> {
  const customer = await findCustomerByEmail(ctx.db, email);
  if (!customer) return undefined;
  const token = await issueToken(ctx.db, {
    purpose: 'reset-password',
    kind: 'customer',
    principalId: customer.id,
    email: customer.email,
    now: ctx.now,
  });
  return { kind: 'reset-password', to: customer.email, name: customer.name, token };
}

/**
 * Sets a new password from a reset link. Every session of the account ends (whoever else was signed in is out), the
 * failed-login lock is lifted, and the address counts as verified (the link reached it).
 */
export async function resetPassword(
  ctx: AccountContext,
  token: string,
  password: string,
): Promise<Result<null>> {
  const row = await consumeAuthToken(ctx.db, hashSecretToken(token), 'reset-password', ctx.now);
  const customer = row?.principalId ? await findCustomerById(ctx.db, row.principalId) : null;
  if (!row || !customer || customer.email !== row.email) return badToken();
  if (passwordRepeatsEmail(password, customer.email)) {
    return fail('VALIDATION_FAILED', 'Choose a password that is not your email address.');
  }
  const passwordHash = await hashNewPassword(ctx.passwords, password);
  await updateCustomer(
    ctx.db,
    customer.id,
    { passwordHash, emailVerifiedAt: customer.emailVerifiedAt ?? ctx.now },
    ctx.now,
  );
  await deleteSessionsOf(ctx.db, 'customer', customer.id);
  await clearLoginThrottle(ctx.db, throttleKey('customer', customer.email));
  return ok(null);
}

async function checkCurrentPassword(ctx: AccountContext, customerId: string, password: string) {
  const customer = await findCustomerById(ctx.db, customerId);
  if (!customer) return fail<never>('UNAUTHENTICATED', 'Please log in again.');
  const { ok: matches } = await checkPassword(ctx.passwords, password, customer.passwordHash);
  if (!matches) return fail<never>('INVALID_CREDENTIALS', 'Your current password is wrong.');
  return ok(customer);
}

/**
 * Changes the password of a signed-in shopper who knows the current one. Every session ends and a new one starts
 * for this browser (the session id rotates on a privilege change): the caller sets the new cookie.
 */
export async function changePassword(
  ctx: AccountContext,
  input: { customerId: string; currentPassword: string; newPassword: string; userAgent?: string },
): Promise<Result<{ sessionToken: string }>> {
  const current = await checkCurrentPassword(ctx, input.customerId, input.currentPassword);
  if (!current.ok) return current;
  if (passwordRepeatsEmail(input.newPassword, current.value.email)) {
    return fail('VALIDATION_FAILED', 'Choose a password that is not your email address.');
  }
  const passwordHash = await hashNewPassword(ctx.passwords, input.newPassword);
  await updateCustomer(ctx.db, input.customerId, { passwordHash }, ctx.now);
  await deleteSessionsOf(ctx.db, 'customer', input.customerId);
  const sessionToken = await startSession(ctx.db, 'customer', input.customerId, input.userAgent, ctx.now);
  return ok({ sessionToken });
}

/**
 * Starts an email change: the new address gets a confirmation link (the account keeps the old address until it is
 * used). A new address that already has an account gets an "already registered" note instead; the answer is the
 * same, so this form cannot test which addresses have accounts.
 */
export async function requestEmailChange(
  ctx: AccountContext,
  input: { customerId: string; password: string; newEmail: string },
): Promise<Result<AccountEmail>> {
  const current = await checkCurrentPassword(ctx, input.customerId, input.password);
  if (!current.ok) return current;
  const customer = current.value;
  if (await findCustomerByEmail(ctx.db, input.newEmail)) {
    return ok({ kind: 'already-registered', to: input.newEmail, name: customer.name });
  }
  const token = await issueToken(ctx.db, {
    purpose: 'change-email',
    kind: 'customer',
    principalId: customer.id,
    email: input.newEmail,
    now: ctx.now,
  });
  return ok({
    kind: 'change-email',
    to: input.newEmail,
    oldEmail: customer.email,
    name: customer.name,
    token,
  });
}

/**
 * Confirms an email change from the link sent to the new address (the old address was told when it was asked for).
 * Only the account that asked for the change can confirm it (a token opened in someone else's session is refused).
 * Other sessions end.
 */
export async function confirmEmailChange(
  ctx: AccountContext,
  input: { customerId: string; token: string; keepSessionHash: string },
): Promise<Result<null>> {
  const row = await consumeAuthToken(ctx.db, hashSecretToken(input.token), 'change-email', ctx.now);
  const customer = await findCustomerById(ctx.db, input.customerId);
  if (!row || !customer || row.principalId !== customer.id) return badToken();
  if (await findCustomerByEmail(ctx.db, row.email)) {
    return fail('CONFLICT', 'That email address now belongs to another account.');
  }
  await updateCustomer(ctx.db, customer.id, { email: row.email, emailVerifiedAt: ctx.now }, ctx.now);
  await deleteSessionsOf(ctx.db, 'customer', customer.id, input.keepSessionHash);
  return ok(null);
}

/**
 * Deletes the account after the password is confirmed: personal data erased (the row stays, anonymised, for the
 * merchant's orders), every session ended.
 */
export async function deleteAccount(
  ctx: AccountContext,
  input: { customerId: string; password: string },
): Promise<Result<null>> {
  const current = await checkCurrentPassword(ctx, input.customerId, input.password);
  if (!current.ok) return current;
  const unusable = await hashNewPassword(ctx.passwords, newSecretToken());
  await anonymiseCustomer(ctx.db, input.customerId, unusable, ctx.now);
  await deleteSessionsOf(ctx.db, 'customer', input.customerId);
  return ok(null);
}
