/**
 * Which back-office page each staff member may open: one map from every admin page's path pattern (the route file's
 * path under app/routes/admin, groups left out) to the permission it needs. Deny by default: a path no entry matches
 * is refused to everyone, so a page added without a rule cannot be opened (and app/lib/admin-pages.test.ts, which
 * walks the route files, fails). The admin layout's guard and the navigation both read this map.
 */
import { can, type Permission } from '@domain/identity/permissions';
import type { StaffRole } from '@domain/identity/roles';

/**
 * What a page needs: a permission from the matrix, any signed-in staff member, nothing (the login pages), or
 * `refused` (nobody opens it: the 403 page, shown only in place of a page the guard refused).
 */
export type PageRule = Permission | 'any-staff' | 'public' | 'refused';

/**
 * Every admin page. `[name]` stands for one path segment. The catch-all `[...rest]` renders the 403 page: the guard
 * rewrites refused requests to it, so an unknown address under /admin gets the same answer as a forbidden one.
 */
export const ADMIN_PAGES = {
  '/admin/login': 'public',
  '/admin/accept-invitation': 'public',
  '/admin/unlock': 'public',
  '/admin': 'any-staff',
  '/admin/products': 'catalog:read',
  '/admin/products/new': 'catalog:write',
  '/admin/products/[id]': 'catalog:read',
  '/admin/products/[id]/edit': 'catalog:write',
  '/admin/categories': 'catalog:read',
  '/admin/collections': 'catalog:read',
  '/admin/orders': 'orders:read',
  '/admin/orders/[id]': 'orders:read',
  '/admin/customers': 'customers:read',
  '/admin/customers/[id]': 'customers:read',
  '/admin/staff': 'staff:read',
  '/admin/audit': 'audit:read',
  '/admin/products/import': 'catalog:write',
  '/admin/reviews': 'reviews:write',
  '/admin/content/posts': 'content:read',
  '/admin/content/posts/new': 'content:write',
  '/admin/content/posts/[id]': 'content:read',
  '/admin/settings/tax': 'settings:read',
  '/admin/settings/shipping': 'settings:read',
  '/admin/settings/returns': 'settings:read',
  '/admin/content/banners': 'content:read',
  '/admin/content/banners/new': 'content:write',
  '/admin/content/banners/[id]': 'content:write',
  '/admin/content/navigation': 'content:read',
  '/admin/content/pages': 'content:read',
  '/admin/content/pages/new': 'content:write',
  '/admin/content/pages/[id]': 'content:read',
  '/admin/content/media': 'content:read',
  '/admin/promotions': 'promotions:read',
  '/admin/promotions/new': 'promotions:write',
  '/admin/promotions/[id]': 'promotions:read',
  '/admin/promotions/sales': 'promotions:read',
  '/admin/promotions/sales/new': 'promotions:write',
  '/admin/promotions/sales/[id]': 'promotions:read',
  '/admin/reports': 'reports:read',
  '/admin/reports/products': 'reports:read',
  '/admin/reports/customers': 'reports:read',
  '/admin/reports/promotions': 'reports:read',
  '/admin/reports/traffic': 'reports:read',
  '/admin/reports/exports': 'reports:read',
  '/admin/[...rest]': 'refused',
} as const satisfies Record<string, PageRule>;

/** A key of ADMIN_PAGES. */
export type AdminPagePattern = keyof typeof ADMIN_PAGES;

/** Where refused requests are rewritten to (the catch-all route renders the 403 page). */
export const FORBIDDEN_PATH = '/admin/forbidden';

/** Where an anonymous visitor is sent, and where a signed-in one lands by default. */
export const LOGIN_PATH = '/admin/login';
export const HOME_PATH = '/admin';

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** How well `pattern` matches `segments`: null for no match, higher for more literal segments. */
function score(pattern: string, segments: string[]): number | null {
  const parts = segmentsOf(pattern);
  if (parts.length !== segments.length) return null;
  let literal = 0;
  for (const [i, part] of parts.entries()) {
    if (part.startsWith('[...')) return null;
    if (part.startsWith('[')) continue;
    if (part !== segments[i]) return null;
    literal++;
  }
  return literal;
}

/** The pattern of the admin page `pathname` opens (literal segments win over `[param]`), or undefined. */
export function matchAdminPage(pathname: string): AdminPagePattern | undefined {
  const segments = segmentsOf(pathname);
  let best: { pattern: AdminPagePattern; score: number } | undefined;
  for (const pattern of Object.keys(ADMIN_PAGES) as AdminPagePattern[]) {
    const s = score(pattern, segments);
    if (s !== null && (!best || s > best.score)) best = { pattern, score: s };
  }
  return best?.pattern;
}

/** The rule for `pathname`, or undefined when no page has one (refused). */
export function ruleFor(pathname: string): PageRule | undefined {
  const pattern = matchAdminPage(pathname);
  return pattern && ADMIN_PAGES[pattern];
}

/** Whether `roles` satisfy `rule` (a signed-in person: 'any-staff' and 'public' pass). */
export function allows(roles: readonly StaffRole[], rule: PageRule | undefined): boolean {
  if (rule === undefined || rule === 'refused') return false;
  if (rule === 'public' || rule === 'any-staff') return true;
  return can(roles, rule);
}

/** What the guard does with a request: let it through, send it to the login page, or show the 403 page. */
export type PageDecision = 'allow' | 'login' | 'forbidden';

/** The guard's decision for `pathname`, given the signed-in roles (null: nobody is signed in). */
export function decidePage(pathname: string, roles: readonly StaffRole[] | null): PageDecision {
  const rule = ruleFor(pathname);
  if (rule === 'public') return 'allow';
  if (roles === null) return 'login';
  return allows(roles, rule) ? 'allow' : 'forbidden';
}

/** One navigation link; its permission is the page's own rule, so the menu never offers a page that refuses. */
export interface NavItem {
  href: string;
  label: string;
  icon:
    | 'home'
    | 'products'
    | 'categories'
    | 'collections'
    | 'orders'
    | 'customers'
    | 'reviews'
    | 'posts'
    | 'shipping'
    | 'tax'
    | 'staff'
    | 'audit'
    | 'banners'
    | 'media'
    | 'navigation'
    | 'pages'
    | 'promotions'
    | 'reports';
}

/** The back office's navigation, in order. */
export const ADMIN_NAV: readonly NavItem[] = [
  { href: '/admin', label: 'Home', icon: 'home' },
  { href: '/admin/orders', label: 'Orders', icon: 'orders' },
  { href: '/admin/reports', label: 'Reports', icon: 'reports' },
  { href: '/admin/products', label: 'Products', icon: 'products' },
  { href: '/admin/categories', label: 'Categories', icon: 'categories' },
  { href: '/admin/collections', label: 'Collections', icon: 'collections' },
  { href: '/admin/customers', label: 'Customers', icon: 'customers' },
  { href: '/admin/promotions', label: 'Promotions', icon: 'promotions' },
  { href: '/admin/reviews', label: 'Reviews', icon: 'reviews' },
  { href: '/admin/content/pages', label: 'Landing pages', icon: 'pages' },
  { href: '/admin/content/posts', label: 'Blog posts', icon: 'posts' },
  { href: '/admin/content/banners', label: 'Banners', icon: 'banners' },
  { href: '/admin/content/media', label: 'Media', icon: 'media' },
  { href: '/admin/content/navigation', label: 'Navigation', icon: 'navigation' },
  { href: '/admin/settings/shipping', label: 'Shipping', icon: 'shipping' },
  { href: '/admin/settings/tax', label: 'Taxes', icon: 'tax' },
  { href: '/admin/staff', label: 'Staff', icon: 'staff' },
  { href: '/admin/audit', label: 'Audit log', icon: 'audit' },
];

/** The links `roles` may open. */
export function navFor(roles: readonly StaffRole[]): NavItem[] {
  return ADMIN_NAV.filter((item) => allows(roles, ruleFor(item.href)));
}

/** How each role is named on screen. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Administrator',
  content: 'Content manager',
  warehouse: 'Warehouse',
};

/** "Content manager, Warehouse". */
export function describeRoles(roles: readonly StaffRole[]): string {
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join(', ') : 'none';
}

/**
 * Where to go after logging in: `next` when it is a path of this site inside /admin or /warehouse (never another origin, never
 * the login page itself), else the dashboard. Resolving against a fixed origin rejects `//evil`, `/\evil` and
 * absolute URLs alike.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/')) return HOME_PATH;
  const base = 'https://shop.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return HOME_PATH;
  }
  // The warehouse app (/warehouse) signs in through this login page too.
  const inside = [HOME_PATH, '/warehouse'].some(
    (h) => url.pathname === h || url.pathname.startsWith(`${h}/`),
  );
  if (url.origin !== base || !inside || url.pathname === LOGIN_PATH) return HOME_PATH;
  return `${url.pathname}${url.search}`;
}
