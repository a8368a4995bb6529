/** The signed-in staff member for admin loaders and actions: their permission checks and the staff service context. */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can, type Permission } from '@domain/identity/permissions';
import { passwordConfig } from '@worker/services/identity/passwords';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import type { StaffContext } from '@worker/services/identity/staff-accounts';
import { pageStaff } from '~/lib/session';

type Event = Pick<
  RequestEventBase<QwikCityPlatform>,
  'cookie' | 'url' | 'platform' | 'sharedMap' | 'request'
>;

/** The service context the staff use cases take, quoting the Worker's request id in audit entries. */
export function staffPageContext(event: Event): StaffContext {
  const env = event.platform.env;
  return {
    db: createDb(env),
    passwords: passwordConfig(env),
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
}

/**
 * The signed-in staff member when they hold `permission`, else null. The layout's guard has already checked the
 * page's own permission; an action that changes something checks its stronger one (`staff:write`) here too.
 */
export async function staffWith(event: Event, permission: Permission): Promise<StaffPrincipal | null> {
  const principal = (await pageStaff(event))?.principal;
  return principal && can(principal.roles, permission) ? principal : null;
}
