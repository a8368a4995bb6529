/**
 * Which warehouse page each staff member may open: the same deny-by-default treatment as app/lib/admin-pages.ts, one
 * map from every page under app/routes/warehouse to the permission it needs (a test walks the route files). The
 * warehouse layout's guard reads it.
 */
import type { StaffRole } from '@domain/identity/roles';
import { allows, type PageDecision, type PageRule } from './admin-pages';

/** Every warehouse page. `[...rest]` renders the 403 page the guard rewrites refused requests to. */
export const WAREHOUSE_PAGES = {
  '/warehouse': 'fulfilment:write',
  '/warehouse/pick': 'fulfilment:write',
  '/warehouse/order': 'fulfilment:write',
  '/warehouse/attention': 'fulfilment:write',
  '/warehouse/[...rest]': 'refused',
} as const satisfies Record<string, PageRule>;

/** Where refused warehouse requests are rewritten to (the catch-all renders the 403 page). */
export const WAREHOUSE_FORBIDDEN_PATH = '/warehouse/forbidden';

/** The queue: where the warehouse app starts (and the login page sends warehouse staff back to). */
export const WAREHOUSE_HOME = '/warehouse';

/** The rule for `pathname` (exact pages only: the warehouse has no `[param]` pages), or undefined. */
export function warehouseRuleFor(pathname: string): PageRule | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return Object.hasOwn(WAREHOUSE_PAGES, path) && !path.includes('[')
    ? WAREHOUSE_PAGES[path as keyof typeof WAREHOUSE_PAGES]
    : undefined;
}

/** The guard's decision for a warehouse path, given the signed-in roles (null: nobody is signed in). */
export function decideWarehousePage(pathname: string, roles: readonly StaffRole[] | null): PageDecision {
  if (roles === null) return 'login';
  return allows(roles, warehouseRuleFor(pathname)) ? 'allow' : 'forbidden';
}
