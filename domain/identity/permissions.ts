/**
 * Who may do what in the back office: the permission matrix every staff route and page will name a permission
 * from (issue 6 wires it into one middleware and the staff layouts). Deny by default: a role reaches an area only
 * where the matrix says so, and writing implies reading.
 */
import type { StaffRole } from './roles';

/** The back office's areas, each a screen group and an `/api/admin/*` or `/api/warehouse/*` resource family. */
export const STAFF_AREAS = [
  'catalog',
  'reviews',
  'inventory',
  'orders',
  'fulfilment',
  'returns',
  'customers',
  'promotions',
  'content',
  'reports',
  'staff',
  'audit',
  'settings',
] as const;

/** One of STAFF_AREAS. */
export type StaffArea = (typeof STAFF_AREAS)[number];

/** Reading an area, or changing it (which includes reading it). */
export type Access = 'read' | 'write';

/** What a route or page asks for: `orders:read`, `fulfilment:write`, … */
export type Permission = `${StaffArea}:${Access}`;

/**
 * The matrix. Administrators run the shop; content managers edit pages, posts and banners, moderate customer
 * reviews and see the catalogue they write about; warehouse staff see orders, pick, pack and ship them, receive returns, and see stock and the
 * catalogue they pick from. Anything not listed is denied.
 */
const MATRIX: Record<StaffRole, Partial<Record<StaffArea, Access>>> = {
  admin: Object.fromEntries(STAFF_AREAS.map((area) => [area, 'write'])),
  content: { content: 'write', reviews: 'write', catalog: 'read' },
  warehouse: {
    orders: 'read',
    fulfilment: 'write',
    returns: 'write',
    inventory: 'read',
    catalog: 'read',
  },
};

/** True when any of `roles` grants `permission` (a person may hold several roles). No roles: false. */
export function can(roles: readonly StaffRole[], permission: Permission): boolean {
  const [area, access] = permission.split(':') as [StaffArea, Access];
  return roles.some((role) => {
    const granted = MATRIX[role]?.[area];
    return granted === 'write' || granted === access;
  });
}

/** Every permission `roles` hold, e.g. to show only the navigation a person may open. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  return STAFF_AREAS.flatMap((area) =>
    (['read', 'write'] as const)
      .map((access): Permission => `${area}:${access}`)
      .filter((permission) => can(roles, permission)),
  );
}
