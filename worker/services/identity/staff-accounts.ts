/**
 * Staff accounts: login, invitations (an emailed single-use link; the invitee picks their password), role changes
 * and disabling. Every change is written with its audit entry in one batch. Guard rails: the shop always keeps an
 * enabled administrator, and nobody disables themselves.
 */
import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import { consumeAuthToken, findOpenAuthToken } from '@db/repositories/auth-tokens';
import { deleteSessionsOf } from '@db/repositories/sessions';
import {
  countEnabledWithRole,
  findStaffByEmail,
  findStaffById,
  insertStaffStatements,
  replaceStaffRolesStatements,
  type StaffUser,
  setStaffDisabledStatement,
  setStaffPasswordHash,
} from '@db/repositories/staff';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { passwordRepeatsEmail } from '@domain/identity/account-input';
import { STAFF_ROLES, type StaffRole } from '@domain/identity/roles';
import { hashSecretToken } from '@domain/identity/secret-token';
import { auditEntry } from '@worker/services/audit/audit';
import { z } from 'zod';
import { checkLogin } from './login';
import { hashNewPassword, type PasswordConfig } from './passwords';
import { type StaffPrincipal, startSession } from './sessions';
import { type AccountEmail, issueToken } from './tokens';

export interface StaffContext {
  db: Db;
  passwords: PasswordConfig;
  now: number;
  requestId?: string;
}

/** What the audit log and the API show of a staff user (never the hash). */
export const staffView = (s: StaffUser) => ({
  id: s.id,
  email: s.email,
  name: s.name,
  roles: s.roles,
  disabled: s.disabledAt !== null,
  createdAt: s.createdAt,
});

/** Logs a staff member in. A disabled account fails like a wrong password (after the same work). */
export async function loginStaff(
  ctx: StaffContext,
  input: { email: string; password: string; userAgent?: string },
): Promise<{ result: Result<{ sessionToken: string; staff: StaffUser }>; email?: AccountEmail }> {
  const staff = await findStaffByEmail(ctx.db, input.email);
  const check = await checkLogin(ctx.db, ctx.passwords, {
    kind: 'staff',
    email: input.email,
    password: input.password,
    storedHash: staff?.passwordHash ?? null,
    now: ctx.now,
  });
  if (!check.ok) {
    if (!check.lockStarted || !staff || staff.disabledAt !== null) return { result: check };
    const token = await issueToken(ctx.db, {
      purpose: 'unlock-account',
      kind: 'staff',
      principalId: staff.id,
      email: staff.email,
      now: ctx.now,
    });
    return {
      result: check,
      email: { kind: 'account-unlock', to: staff.email, name: staff.name, token, staff: true },
    };
  }
  const account = staff as StaffUser;
  if (account.disabledAt !== null) {
    return { result: fail('INVALID_CREDENTIALS', 'The email address or password is wrong.') };
  }
  if (check.value.upgradedHash)
    await setStaffPasswordHash(ctx.db, account.id, check.value.upgradedHash, ctx.now);
  const sessionToken = await startSession(ctx.db, 'staff', account.id, input.userAgent, ctx.now);
  return { result: ok({ sessionToken, staff: account }) };
}

const InvitationData = z.object({
  name: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  inviter: z.string(),
});

/** Invites someone to the back office with `roles`; CONFLICT when the address already has a staff account. */
export async function inviteStaff(
  ctx: StaffContext,
  actor: StaffPrincipal,
  input: { email: string; name: string; roles: StaffRole[] },
): Promise<Result<AccountEmail>> {
  if (await findStaffByEmail(ctx.db, input.email)) {
    return fail('CONFLICT', 'That address already has a staff account.');
  }
  const data = { name: input.name, roles: input.roles, inviter: actor.id };
  const token = await issueToken(ctx.db, {
    purpose: 'staff-invite',
    kind: 'staff',
    principalId: null,
    email: input.email,
    data,
    now: ctx.now,
  });
  await ctx.db.batch([
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor,
        action: 'staff.invite',
        entityType: 'invitation',
        entityId: input.email,
        after: { email: input.email, ...data },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  return ok({
    kind: 'staff-invite',
    to: input.email,
    name: input.name,
    token,
    inviter: actor.name,
    roles: input.roles,
  });
}

/** Accepts an invitation: creates the account with the invited roles and the chosen password. */
export async function acceptInvitation(
  ctx: StaffContext,
  input: { token: string; password: string },
): Promise<Result<{ staffId: string }>> {
  const invalid = () =>
    fail<never>('INVALID_TOKEN', 'This invitation is invalid, was already used, or has expired.');
  const tokenHash = hashSecretToken(input.token);
  // Checked before the token is spent, so a refused password leaves the invitation usable.
  const open = await findOpenAuthToken(ctx.db, tokenHash, 'staff-invite', ctx.now);
  if (!open) return invalid();
  if (passwordRepeatsEmail(input.password, open.email)) {
    return fail('VALIDATION_FAILED', 'Choose a password that is not your email address.');
  }
  if (await findStaffByEmail(ctx.db, open.email))
    return fail('CONFLICT', 'That address already has a staff account.');
  const row = await consumeAuthToken(ctx.db, tokenHash, 'staff-invite', ctx.now);
  const data = InvitationData.safeParse(row?.data ? JSON.parse(row.data) : null);
  if (!row || !data.success) return invalid();
  const id = newId('staff', ctx.now);
  const user = {
    id,
    email: row.email,
    name: data.data.name,
    passwordHash: await hashNewPassword(ctx.passwords, input.password),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    ...insertStaffStatements(ctx.db, user, data.data.roles),
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor: { id, email: row.email },
        action: 'staff.join',
        entityType: 'staff',
        entityId: id,
        after: { email: row.email, name: user.name, roles: data.data.roles, invitedBy: data.data.inviter },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  return ok({ staffId: id });
}

async function keepsAnAdmin(db: Db, target: StaffUser, losesAdmin: boolean): Promise<boolean> {
  if (!losesAdmin || !target.roles.includes('admin') || target.disabledAt !== null) return true;
  return (await countEnabledWithRole(db, 'admin')) > 1;
}

/**
 * Replaces a staff member's roles. Their sessions end (a privilege change rotates sessions: they log in again under
 * the new roles). CONFLICT when it would leave no enabled administrator.
 */
export async function setStaffRoles(
  ctx: StaffContext,
  actor: StaffPrincipal,
  staffId: string,
  roles: StaffRole[],
): Promise<Result<StaffUser>> {
  const target = await findStaffById(ctx.db, staffId);
  if (!target) return fail('NOT_FOUND', 'No staff member has that id.');
  const wanted = [...new Set(roles)].sort();
  if (wanted.join() === target.roles.join()) return ok(target); // nothing changes: no write, no audit entry
  if (!(await keepsAnAdmin(ctx.db, target, !wanted.includes('admin')))) {
    return fail('CONFLICT', 'The shop needs at least one enabled administrator.');
  }
  const after = { ...target, roles: wanted };
  await ctx.db.batch([
    ...replaceStaffRolesStatements(ctx.db, staffId, wanted, ctx.now),
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor,
        action: 'staff.roles',
        entityType: 'staff',
        entityId: staffId,
        before: staffView(target),
        after: staffView(after),
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  await deleteSessionsOf(ctx.db, 'staff', staffId);
  return ok(after);
}

/** Disables or re-enables a staff member; disabling ends their sessions at once. Nobody disables themselves. */
export async function setStaffEnabled(
  ctx: StaffContext,
  actor: StaffPrincipal,
  staffId: string,
  enabled: boolean,
): Promise<Result<StaffUser>> {
  const target = await findStaffById(ctx.db, staffId);
  if (!target) return fail('NOT_FOUND', 'No staff member has that id.');
  if (!enabled && staffId === actor.id) return fail('CONFLICT', 'You cannot disable your own account.');
  if (!enabled && !(await keepsAnAdmin(ctx.db, target, true))) {
    return fail('CONFLICT', 'The shop needs at least one enabled administrator.');
  }
  const after = { ...target, disabledAt: enabled ? null : ctx.now };
  await ctx.db.batch([
    setStaffDisabledStatement(ctx.db, staffId, after.disabledAt, ctx.now),
    appendAuditStatement(
      ctx.db,
      auditEntry({
        actor,
        action: enabled ? 'staff.enable' : 'staff.disable',
        entityType: 'staff',
        entityId: staffId,
        before: staffView(target),
        after: staffView(after),
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    ),
  ]);
  if (!enabled) await deleteSessionsOf(ctx.db, 'staff', staffId);
  return ok(after);
}
