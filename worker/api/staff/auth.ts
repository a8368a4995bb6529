/** Back-office login, logout, who am I, and accepting an invitation. Staff sessions are separate from shoppers'. */
import { LoginInputSchema, NewPasswordSchema } from '@domain/identity/account-input';
import { permissionsOf } from '@domain/identity/permissions';
import { STAFF_ROLES } from '@domain/identity/roles';
import { createRoute, z } from '@hono/zod-openapi';
import { failure, limitAttempt } from '@worker/api/account/context';
import { sendAccountEmail } from '@worker/http/account-email';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { clearSessionCookie, sessionToken, setSessionCookie } from '@worker/middleware/session';
import { passwordConfig } from '@worker/services/identity/passwords';
import { endSession } from '@worker/services/identity/sessions';
import { acceptInvitation, loginStaff, type StaffContext } from '@worker/services/identity/staff-accounts';
import type { Context } from 'hono';

export const StaffMe = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    permissions: z.array(z.string()),
  })
  .openapi('StaffMe');

export function staffContext(c: Context<AppEnv>): StaffContext {
  return { db: c.var.db, passwords: passwordConfig(c.env), now: Date.now(), requestId: c.var.requestId };
}

const me = (s: { id: string; email: string; name: string; roles: (typeof STAFF_ROLES)[number][] }) => ({
  id: s.id,
  email: s.email,
  name: s.name,
  roles: s.roles,
  permissions: permissionsOf(s.roles),
});

export const staffAuth = newApi();

staffAuth
  .openapi(
    createRoute({
      method: 'post',
      path: '/staff/login',
      tags: ['Staff'],
      summary: 'Log in to the back office (sets the staff session cookie)',
      request: { body: jsonBody(LoginInputSchema) },
      responses: {
        200: { description: 'Logged in', content: { 'application/json': { schema: StaffMe } } },
        ...problemResponses(401),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await limitAttempt(c, 'login-address', ['login-account', input.email]);
      const { result, email } = await loginStaff(staffContext(c), {
        ...input,
        userAgent: c.req.header('User-Agent'),
      });
      sendAccountEmail(c, email);
      if (!result.ok) throw failure(result.error);
      await endSession(c.var.db, sessionToken(c, 'staff'));
      setSessionCookie(c, 'staff', result.value.sessionToken);
      return c.json(me(result.value.staff), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/staff/logout',
      tags: ['Staff'],
      summary: 'Log out of the back office on this device',
      responses: { 204: { description: 'Logged out' }, ...writeResponses() },
    }),
    async (c) => {
      await endSession(c.var.db, sessionToken(c, 'staff'));
      clearSessionCookie(c, 'staff');
      c.header('Clear-Site-Data', '"cache"');
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/staff/me',
      tags: ['Staff'],
      summary: 'The signed-in staff member, their roles and permissions',
      responses: {
        200: { description: 'You', content: { 'application/json': { schema: StaffMe } } },
        ...problemResponses(401),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const signedIn = await c.var.auth.staff();
      if (!signedIn) throw new ProblemError('UNAUTHENTICATED', 'Log in to the back office first.');
      c.header('Cache-Control', 'private, no-store');
      return c.json(me(signedIn.principal), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/staff/invitations/accept',
      tags: ['Staff'],
      summary: 'Accept an invitation with its emailed token and choose a password',
      request: {
        body: jsonBody(z.object({ token: z.string().min(1).max(128), password: NewPasswordSchema }).strict()),
      },
      responses: {
        204: { description: 'Account created: log in' },
        ...problemResponses(409),
        ...writeResponses(),
      },
    }),
    async (c) => {
      await limitAttempt(c, 'invite-address');
      const result = await acceptInvitation(staffContext(c), c.req.valid('json'));
      if (!result.ok) throw failure(result.error);
      return c.body(null, 204);
    },
  );
