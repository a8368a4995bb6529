/** The page-permission map: every admin route file has a rule, and each role opens exactly what the matrix allows. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { can } from '@domain/identity/permissions';
import { STAFF_ROLES, type StaffRole } from '@domain/identity/roles';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_NAV,
  ADMIN_PAGES,
  type AdminPagePattern,
  decidePage,
  FORBIDDEN_PATH,
  matchAdminPage,
  navFor,
  safeNext,
} from './admin-pages';

const ROUTES = join(import.meta.dirname, '..', 'routes', 'admin');
const PAGE_FILE = /^index\.(tsx|ts|jsx|js|md|mdx)$/;

/** The URL pattern of every page route under app/routes/admin: its folder, with (groups) left out. */
function routePatterns(dir = ROUTES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routePatterns(path);
    if (!PAGE_FILE.test(entry.name)) return [];
    const segments = relative(ROUTES, dir)
      .split(sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [['/admin', ...segments].join('/')];
  });
}

/** Every combination of roles, the empty one included. */
const roleSets: StaffRole[][] = [[]];
for (const role of STAFF_ROLES) roleSets.push(...roleSets.map((s) => [...s, role]));

/** A path that opens each pattern (`[id]` filled in). */
function sample(pattern: string): string {
  return pattern.replace('[id]', 'cus_01JZ0000000000000000000000');
}
const pages = (Object.keys(ADMIN_PAGES) as AdminPagePattern[]).filter((p) => !p.includes('[...'));

describe('admin page rules', () => {
  it('has a rule for every page route under app/routes/admin, and no rule without a page', () => {
    const routes = routePatterns();
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes.filter((r) => !(r in ADMIN_PAGES));
    expect(missing, 'admin pages without an entry in ADMIN_PAGES (app/lib/admin-pages.ts)').toEqual([]);
    expect(Object.keys(ADMIN_PAGES).sort()).toEqual([...routes].sort());
  });

  it('matches each page path to its own pattern, literal segments before parameters', () => {
    for (const pattern of pages) expect(matchAdminPage(sample(pattern)), pattern).toBe(pattern);
    expect(matchAdminPage('/admin/customers/cus_1/')).toBe('/admin/customers/[id]');
    expect(matchAdminPage('/admin/customers/cus_1/orders')).toBeUndefined();
    expect(matchAdminPage('/admin/settings')).toBeUndefined();
  });

  it('refuses an address without its own rule to everyone, and sends anonymous visitors to log in', () => {
    for (const path of ['/admin/settings', '/admin/customers/a/b', FORBIDDEN_PATH]) {
      expect(decidePage(path, ['admin']), path).toBe('forbidden');
      expect(decidePage(path, null), path).toBe('login');
    }
    expect(decidePage('/admin', null)).toBe('login');
    expect(decidePage('/admin/login', null)).toBe('allow');
    expect(decidePage('/admin/accept-invitation', null)).toBe('allow');
  });

  it('lets each demo role open exactly its pages', () => {
    function opens(roles: StaffRole[]): string[] {
      return pages.filter((p) => decidePage(sample(p), roles) === 'allow');
    }
    const everyone = ['/admin/login', '/admin/accept-invitation', '/admin/unlock', '/admin'];
    // Every role reads the catalogue (content managers write about it, the warehouse picks from it).
    const catalog = ['/admin/products', '/admin/products/[id]', '/admin/categories', '/admin/collections'];
    // Only administrators edit products (catalog:write).
    // Banners, menus, landing pages and the media library: content managers and administrators (content:write).
    const content = [
      '/admin/content/banners',
      '/admin/content/banners/new',
      '/admin/content/banners/[id]',
      '/admin/content/navigation',
      '/admin/content/pages',
      '/admin/content/pages/new',
      '/admin/content/pages/[id]',
      '/admin/content/media',
    ];
    const editor = [
      '/admin/products',
      '/admin/products/new',
      '/admin/products/[id]',
      '/admin/products/[id]/edit',
    ];
    expect(opens(['admin'])).toEqual([
      ...everyone,
      ...editor,
      '/admin/categories',
      '/admin/collections',
      '/admin/orders',
      '/admin/orders/[id]',
      '/admin/customers',
      '/admin/customers/[id]',
      '/admin/staff',
      '/admin/audit',
      '/admin/products/import',
      '/admin/reviews',
      '/admin/content/posts',
      '/admin/content/posts/new',
      '/admin/content/posts/[id]',
      '/admin/settings/tax',
      '/admin/settings/shipping',
      '/admin/settings/returns',
      ...content,
      // Promotions: administrators only (promotions:read and :write).
      '/admin/promotions',
      '/admin/promotions/new',
      '/admin/promotions/[id]',
      '/admin/promotions/sales',
      '/admin/promotions/sales/new',
      '/admin/promotions/sales/[id]',
      // Reports: administrators only (reports:read).
      '/admin/reports',
      '/admin/reports/products',
      '/admin/reports/customers',
      '/admin/reports/promotions',
      '/admin/reports/traffic',
      '/admin/reports/exports',
    ]);
    // Content managers write the blog and edit banners and menus.
    const posts = ['/admin/content/posts', '/admin/content/posts/new', '/admin/content/posts/[id]'];
    expect(opens(['content'])).toEqual([...everyone, ...catalog, '/admin/reviews', ...posts, ...content]);
    // Warehouse staff read orders (they fulfil them); content managers see none.
    const orders = ['/admin/orders', '/admin/orders/[id]'];
    expect(opens(['warehouse'])).toEqual([...everyone, ...catalog, ...orders]);
    expect(opens(['content', 'warehouse'])).toEqual([
      ...everyone,
      ...catalog,
      ...orders,
      '/admin/reviews',
      ...posts,
      ...content,
    ]);
  });

  it('follows the permission matrix for every combination of roles', () => {
    for (const roles of roleSets) {
      for (const pattern of pages) {
        const rule = ADMIN_PAGES[pattern];
        const expected =
          rule === 'public' || rule === 'any-staff' || (rule !== 'refused' && can(roles, rule));
        expect(decidePage(sample(pattern), roles) === 'allow', `${roles.join('+')} ${pattern}`).toBe(
          expected,
        );
      }
    }
  });

  it('shows in the navigation only the pages the roles may open', () => {
    function labels(roles: StaffRole[]): string[] {
      return navFor(roles).map((n) => n.label);
    }
    const catalog = ['Products', 'Categories', 'Collections'];
    expect(labels(['admin'])).toEqual([
      'Home',
      'Orders',
      'Reports',
      ...catalog,
      'Customers',
      'Promotions',
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
      'Shipping',
      'Taxes',
      'Staff',
      'Audit log',
    ]);
    expect(labels(['content'])).toEqual([
      'Home',
      ...catalog,
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
    ]);
    expect(labels(['warehouse'])).toEqual(['Home', 'Orders', ...catalog]);
    expect(labels(['content', 'warehouse'])).toEqual([
      'Home',
      'Orders',
      ...catalog,
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
    ]);
    for (const roles of roleSets) {
      for (const item of ADMIN_NAV) {
        const shown = navFor(roles).includes(item);
        expect(shown, `${roles.join('+')} ${item.href}`).toBe(decidePage(item.href, roles) === 'allow');
      }
    }
  });
});

describe('safeNext', () => {
  it('keeps a path inside /admin, with its query', () => {
    expect(safeNext('/admin/customers?q=ada')).toBe('/admin/customers?q=ada');
    expect(safeNext('/admin')).toBe('/admin');
  });

  it('falls back to the dashboard for anything else', () => {
    for (const next of [
      null,
      '',
      'admin',
      '/',
      '/cart',
      '/administrator',
      '/admin/login?next=/admin',
      '//evil.example/admin',
      '/\\evil.example/admin',
      'https://evil.example/admin',
      '/admin/../cart',
    ]) {
      expect(safeNext(next), String(next)).toBe('/admin');
    }
  });
});
