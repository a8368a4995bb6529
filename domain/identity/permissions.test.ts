/** The staff permission matrix: deny by default, write implies read, roles add up. */
import { describe, expect, it } from 'vitest';
import { can, type Permission, permissionsOf, STAFF_AREAS } from './permissions';
import { STAFF_ROLES, type StaffRole } from './roles';

const everything: Permission[] = STAFF_AREAS.flatMap((area) => [
  `${area}:read` as const,
  `${area}:write` as const,
]);

describe('can', () => {
  it('denies everything to a person without roles', () => {
    expect(everything.filter((p) => can([], p))).toEqual([]);
  });

  it('grants an administrator every area, read and write', () => {
    expect(everything.filter((p) => !can(['admin'], p))).toEqual([]);
  });

  it('lets content managers edit content, moderate reviews and only read the catalogue', () => {
    expect(can(['content'], 'content:write')).toBe(true);
    expect(can(['content'], 'reviews:write')).toBe(true);
    expect(can(['content'], 'catalog:read')).toBe(true);
    expect(can(['content'], 'catalog:write')).toBe(false);
    for (const area of ['orders', 'customers', 'staff', 'audit', 'promotions', 'settings'] as const) {
      expect(can(['content'], `${area}:read`), area).toBe(false);
    }
  });

  it('lets warehouse staff fulfil orders and receive returns, but not change orders, stock or customers', () => {
    expect(can(['warehouse'], 'fulfilment:write')).toBe(true);
    expect(can(['warehouse'], 'returns:write')).toBe(true);
    expect(can(['warehouse'], 'orders:read')).toBe(true);
    expect(can(['warehouse'], 'orders:write')).toBe(false);
    expect(can(['warehouse'], 'inventory:write')).toBe(false);
    expect(can(['warehouse'], 'customers:read')).toBe(false);
    expect(can(['warehouse'], 'staff:read')).toBe(false);
    expect(can(['warehouse'], 'reviews:read')).toBe(false);
  });

  it('gives a person with several roles what each of them grants', () => {
    const both: StaffRole[] = ['content', 'warehouse'];
    expect(can(both, 'content:write')).toBe(true);
    expect(can(both, 'fulfilment:write')).toBe(true);
    expect(can(both, 'staff:read')).toBe(false);
  });

  it('implies read wherever it grants write, for every role', () => {
    for (const role of STAFF_ROLES) {
      for (const area of STAFF_AREAS) {
        if (can([role], `${area}:write`)) expect(can([role], `${area}:read`), `${role} ${area}`).toBe(true);
      }
    }
  });
});

describe('permissionsOf', () => {
  it('lists exactly what can() grants, so navigation and guards agree', () => {
    for (const role of STAFF_ROLES) {
      expect(permissionsOf([role])).toEqual(everything.filter((p) => can([role], p)));
    }
    expect(permissionsOf([])).toEqual([]);
  });
});
