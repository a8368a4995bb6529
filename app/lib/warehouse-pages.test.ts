/** The warehouse page map: every route file under app/routes/warehouse has a rule, and only fulfilment:write opens them. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { can } from '@domain/identity/permissions';
import { STAFF_ROLES, type StaffRole } from '@domain/identity/roles';
import { describe, expect, it } from 'vitest';
import { safeNext } from './admin-pages';
import { decideWarehousePage, WAREHOUSE_FORBIDDEN_PATH, WAREHOUSE_PAGES } from './warehouse-pages';

const ROUTES = join(import.meta.dirname, '..', 'routes', 'warehouse');
const PAGE_FILE = /^index\.(tsx|ts|jsx|js|md|mdx)$/;

function routePatterns(dir = ROUTES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routePatterns(path);
    if (!PAGE_FILE.test(entry.name)) return [];
    const segments = relative(ROUTES, dir)
      .split(sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [['/warehouse', ...segments].join('/')];
  });
}

const roleSets: StaffRole[][] = [[]];
for (const role of STAFF_ROLES) roleSets.push(...roleSets.map((s) => [...s, role]));
const pages = Object.keys(WAREHOUSE_PAGES).filter((p) => !p.includes('['));

describe('warehouse page rules', () => {
  it('has a rule for every page route under app/routes/warehouse, and no rule without a page', () => {
    const routes = routePatterns();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(WAREHOUSE_PAGES).sort()).toEqual([...routes].sort());
  });

  it('opens the pages to fulfilment:write only, sends anonymous visitors to log in, refuses unknown addresses', () => {
    for (const roles of roleSets) {
      for (const page of pages) {
        const expected = can(roles, 'fulfilment:write') ? 'allow' : 'forbidden';
        expect(decideWarehousePage(page, roles), `${roles.join('+')} ${page}`).toBe(expected);
        expect(decideWarehousePage(`${page}/`, roles)).toBe(expected);
      }
    }
    expect(decideWarehousePage('/warehouse', ['warehouse'])).toBe('allow');
    expect(decideWarehousePage('/warehouse', ['content'])).toBe('forbidden');
    expect(decideWarehousePage('/warehouse', null)).toBe('login');
    for (const path of [
      '/warehouse/nope',
      '/warehouse/pick/x',
      WAREHOUSE_FORBIDDEN_PATH,
      '/warehouse/[...rest]',
    ]) {
      expect(decideWarehousePage(path, ['admin']), path).toBe('forbidden');
    }
  });

  it('lets the login page send staff back into the warehouse app', () => {
    expect(safeNext('/warehouse')).toBe('/warehouse');
    expect(safeNext('/warehouse/order?id=ord_1')).toBe('/warehouse/order?id=ord_1');
    expect(safeNext('/warehousex')).toBe('/admin');
    expect(safeNext('//evil.example/warehouse')).toBe('/admin');
  });
});
