/**
 * The back office's guard, deny by default. Every `/api/admin/*` and `/api/warehouse/*` request passes `staffOnly`:
 * no staff session is 401; a route that does not name its permission with `requirePermission` is 403 for everyone
 * (and fails tests/integration/staff-routes.test.ts, which walks every staff route for every role). The permission
 * itself comes from the matrix in domain/identity/permissions.
 */
import { can, type Permission } from '@domain/identity/permissions';
import type { AppEnv } from '@worker/http/app-env';
import { ProblemError } from '@worker/http/problem';
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';

const PERMISSIONS = new WeakMap<object, Permission>();

/** The permission a handler registered with `requirePermission` asks for (for the route-walk test). */
export function permissionOf(handler: object): Permission | undefined {
  return PERMISSIONS.get(handler);
}

/** Route middleware: the signed-in staff member must hold `permission`, else 403. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  const guard = createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.var.staff;
    if (!staff || !can(staff.principal.roles, permission)) {
      throw new ProblemError('FORBIDDEN', `Your role does not allow this (needs ${permission}).`);
    }
    await next();
  });
  PERMISSIONS.set(guard, permission);
  return guard;
}

/** Prefix middleware for the staff APIs: a live staff session, and a route that names its permission. */
export const staffOnly = createMiddleware<AppEnv>(async (c, next) => {
  const signedIn = await c.var.auth.staff();
  if (!signedIn) throw new ProblemError('UNAUTHENTICATED', 'Log in to the back office first.');
  c.set('staff', signedIn);
  const named = matchedRoutes(c).some((route) => PERMISSIONS.has(route.handler));
  if (!named) throw new ProblemError('FORBIDDEN', 'This endpoint names no permission, so nobody may use it.');
  await next();
});
