/**
 * The team: staff with roles and status, per member an edit-roles form and disable/enable behind a confirmation,
 * the invite form and pending invitations. Viewing needs staff:read (the guard); every change needs staff:write,
 * checked again in the action. The services write the audit entries and enforce the guard rails (an enabled
 * administrator always remains, nobody disables themselves); their refusals are shown as they come.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listOpenAuthTokens } from '@db/repositories/auth-tokens';
import { listStaff } from '@db/repositories/staff';
import { statusOfError } from '@domain/core/errors';
import { EmailSchema, PersonNameSchema } from '@domain/identity/account-input';
import { can } from '@domain/identity/permissions';
import { STAFF_ROLES } from '@domain/identity/roles';
import {
  inviteStaff,
  setStaffEnabled,
  setStaffRoles,
  staffView,
} from '@worker/services/identity/staff-accounts';
import { outcomeOf } from '~/components/admin/form-status/FormStatus';
import { InviteForm } from '~/components/admin/invite-form/InviteForm';
import { InvitationTable } from '~/components/admin/staff-table/InvitationTable';
import { StaffTable } from '~/components/admin/staff-table/StaffTable';
import { describeRoles } from '~/lib/admin-pages';
import { staffPageContext, staffWith } from '~/lib/admin-session';
import { domainField } from '~/lib/domain-field';
import { pageLimit } from '~/lib/limits';
import { pageStaff, sendAccountEmailLater } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing staff.';

export const useTeam = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const db = createDb(event.platform.env);
  const [staff, invites] = await Promise.all([
    listStaff(db),
    listOpenAuthTokens(db, 'staff-invite', Date.now()),
  ]);
  return {
    meId: me?.id ?? '',
    canWrite: !!me && can(me.roles, 'staff:write'),
    canAudit: !!me && can(me.roles, 'audit:read'),
    staff: staff.map(staffView),
    invitations: invites.map((t) => {
      const data = JSON.parse(t.data ?? '{}') as { name?: string; roles?: string[] };
      return {
        email: t.email,
        name: data.name ?? '',
        roles: data.roles ?? [],
        createdAt: t.createdAt,
        expiresAt: t.expiresAt,
      };
    }),
  };
});

/** The role checkboxes post `roles[]`; none ticked posts nothing, which is an empty list here. */
const rolesField = z.preprocess((v) => v ?? [], z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length));

/** Invites someone: an emailed link lets them choose a password (app/routes/admin/(public)/accept-invitation). */
export const useInvite = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'staff:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    if (input.roles.length === 0) {
      return event.fail(400, { fieldErrors: { roles: 'Choose at least one role.' } });
    }
    const wait = await pageLimit(event, 'invite-address');
    if (wait !== null) {
      return event.fail(429, { message: `Too many invitations just now. Try again in ${wait} seconds.` });
    }
    const result = await inviteStaff(staffPageContext(event), actor, input);
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    sendAccountEmailLater(event, result.value);
    return { message: `Invitation sent to ${result.value.to}.` };
  },
  zod$({
    name: domainField(PersonNameSchema, 'Enter their name (up to 100 characters).'),
    email: domainField(EmailSchema),
    roles: rolesField,
  }),
);

/** One member's change: new roles, disable or enable (one action, so the page shows one latest outcome). */
export const useChangeMember = routeAction$(
  async ({ staffId, op, roles }, event) => {
    const actor = await staffWith(event, 'staff:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    if (op === 'roles' && roles.length === 0) {
      return event.fail(400, { message: 'Choose at least one role. To remove someone, disable them.' });
    }
    const ctx = staffPageContext(event);
    const result =
      op === 'roles'
        ? await setStaffRoles(ctx, actor, staffId, roles)
        : await setStaffEnabled(ctx, actor, staffId, op === 'enable');
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    const { name, id } = result.value;
    const roleText = describeRoles(result.value.roles);
    const messages = {
      roles:
        id === actor.id
          ? `Your roles are now: ${roleText}. Log in again to use them.`
          : `${name}’s roles are now: ${roleText}. They log in again to use them.`,
      disable: `${name} is disabled and signed out everywhere.`,
      enable: `${name} is enabled and can log in again.`,
    };
    return { message: messages[op] };
  },
  zod$({
    staffId: z.string().min(1).max(64),
    op: z.enum(['roles', 'disable', 'enable']),
    roles: rolesField,
  }),
);

/** The member-change action's store, for the staff table. */
export type ChangeMemberStore = ReturnType<typeof useChangeMember>;
/** The invite action's store, for the invite form. */
export type InviteStore = ReturnType<typeof useInvite>;

export default component$(() => {
  const team = useTeam();
  const invite = useInvite();
  const change = useChangeMember();
  const t = team.value;
  const enabled = t.staff.filter((s) => !s.disabled).length;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Staff</h1>
          <p class="adm-lede">
            {enabled} enabled · {t.staff.length - enabled} disabled · {t.invitations.length} pending
            invitations
          </p>
        </div>
        {t.canWrite && (
          <a class="adm-btn adm-btn-primary" href="#invite">
            Invite someone
          </a>
        )}
      </div>

      <StaffTable
        staff={t.staff}
        meId={t.meId}
        canWrite={t.canWrite}
        canAudit={t.canAudit}
        action={change}
        outcome={outcomeOf(change.value)}
      />

      <div class="adm-grid">
        {t.canWrite && (
          <InviteForm action={invite} outcome={outcomeOf(invite.value)} running={invite.isRunning} />
        )}
        <InvitationTable invitations={t.invitations} />
      </div>
    </>
  );
});

export const head: DocumentHead = { title: 'Staff' };
