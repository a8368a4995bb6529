/** Back office: the team. List staff and pending invitations (staff:read); invite, change roles, disable (staff:write). */
import { listOpenAuthTokens } from '@db/repositories/auth-tokens';
import { listStaff } from '@db/repositories/staff';
import { idSchema } from '@domain/core/id-schema';
import { EmailSchema, PersonNameSchema } from '@domain/identity/account-input';
import { STAFF_ROLES } from '@domain/identity/roles';
import { createRoute, z } from '@hono/zod-openapi';
import { failure, limitAttempt } from '@worker/api/account/context';
import { staffContext } from '@worker/api/staff/auth';
import { sendAccountEmail } from '@worker/http/account-email';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  inviteStaff,
  setStaffEnabled,
  setStaffRoles,
  staffView,
} from '@worker/services/identity/staff-accounts';
import type { Context } from 'hono';

const StaffOut = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    disabled: z.boolean(),
    createdAt: z.number().int(),
  })
  .openapi('StaffMember');
const Invitation = z
  .object({ email: z.string(), name: z.string(), roles: z.array(z.string()), expiresAt: z.number().int() })
  .openapi('StaffInvitation');
const Roles = z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length);
const Params = z.object({ staffId: idSchema('staff') });
const member = (description: string) => ({
  200: { description, content: { 'application/json': { schema: StaffOut } } },
});
const staffWrite = { ...problemResponses(401, 403, 404), ...writeResponses() };

/** The signed-in staff member (the guard has set it). */
const actor = (c: Context<AppEnv>) => c.var.staff!.principal;

export const adminStaff = newApi();

adminStaff
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/staff',
      tags: ['Admin'],
      summary: 'Staff members and pending invitations',
      middleware: [requirePermission('staff:read')],
      responses: {
        200: {
          description: 'The team',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(StaffOut), invitations: z.array(Invitation) }),
            },
          },
        },
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const [staff, invites] = await Promise.all([
        listStaff(c.var.db),
        listOpenAuthTokens(c.var.db, 'staff-invite', Date.now()),
      ]);
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          items: staff.map(staffView),
          invitations: invites.map((t) => {
            const data = JSON.parse(t.data ?? '{}') as { name?: string; roles?: string[] };
            return { email: t.email, name: data.name ?? '', roles: data.roles ?? [], expiresAt: t.expiresAt };
          }),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/staff/invitations',
      tags: ['Admin'],
      summary: 'Invite someone to the back office: an invitation link is emailed',
      middleware: [requirePermission('staff:write')],
      request: {
        body: jsonBody(
          z
            .object({ email: EmailSchema, name: PersonNameSchema, roles: Roles })
            .strict()
            .openapi('InviteStaff'),
        ),
      },
      responses: {
        202: {
          description: 'Invitation sent',
          content: { 'application/json': { schema: z.object({ message: z.string() }) } },
        },
        ...staffWrite,
      },
    }),
    async (c) => {
      await limitAttempt(c, 'invite-address');
      const result = await inviteStaff(staffContext(c), actor(c), c.req.valid('json'));
      if (!result.ok) throw failure(result.error);
      sendAccountEmail(c, result.value);
      return c.json({ message: `Invitation sent to ${result.value.to}.` }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/staff/{staffId}/roles',
      tags: ['Admin'],
      summary: 'Replace a staff member’s roles (their sessions end; they log in again)',
      middleware: [requirePermission('staff:write')],
      request: { params: Params, body: jsonBody(z.object({ roles: Roles }).strict()) },
      responses: { ...member('Updated'), ...staffWrite },
    }),
    async (c) => {
      const { staffId } = c.req.valid('param');
      const result = await setStaffRoles(staffContext(c), actor(c), staffId, c.req.valid('json').roles);
      if (!result.ok) throw failure(result.error);
      return c.json(staffView(result.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/staff/{staffId}/disable',
      tags: ['Admin'],
      summary: 'Disable a staff member (their sessions end at once)',
      middleware: [requirePermission('staff:write')],
      request: { params: Params },
      responses: { ...member('Disabled'), ...staffWrite },
    }),
    async (c) => {
      const result = await setStaffEnabled(staffContext(c), actor(c), c.req.valid('param').staffId, false);
      if (!result.ok) throw failure(result.error);
      return c.json(staffView(result.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/staff/{staffId}/enable',
      tags: ['Admin'],
      summary: 'Enable a disabled staff member again',
      middleware: [requirePermission('staff:write')],
      request: { params: Params },
      responses: { ...member('Enabled'), ...staffWrite },
    }),
    async (c) => {
      const result = await setStaffEnabled(staffContext(c), actor(c), c.req.valid('param').staffId, true);
      if (!result.ok) throw failure(result.error);
      return c.json(staffView(result.value), 200);
    },
  );
