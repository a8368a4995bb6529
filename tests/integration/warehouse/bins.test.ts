/**
 * Bin locations through the real Worker and D1: staff with inventory:write set and clear a SKU's bin (audited);
 * warehouse staff (inventory:read) may not; bad bins and unknown SKUs are refused; the queue shows the bin.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
let admin: string;
let warehouse: string;
const api = newClient();

beforeAll(async () => {
  data = await seedSmallStore();
  [admin, warehouse] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['warehouse']).then((s) => loginCookie('staff', s)),
  ]);
});

const patch = (cookie: string, sku: string, body: unknown) =>
  api(`/api/admin/inventory/${encodeURIComponent(sku)}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
const binOf = async (sku: string) =>
  (
    await env.DB.prepare('SELECT bin_location AS bin FROM inventory_levels WHERE sku = ?')
      .bind(sku)
      .first<{ bin: string | null }>()
  )?.bin;

describe('bin locations', () => {
  it('are set trimmed, audited, and cleared with an empty value', async () => {
    const sku = data.inventory[0]!.sku;
    const res = await patch(admin, sku, { binLocation: '  A-03-2 ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sku, binLocation: 'A-03-2' });
    expect(await binOf(sku)).toBe('A-03-2');
    const audit = await env.DB.prepare(
      "SELECT before, after FROM audit_log WHERE action = 'inventory.bin' AND entity_id = ? ORDER BY at DESC",
    )
      .bind(sku)
      .first<{ before: string; after: string }>();
    expect(JSON.parse(audit!.after)).toEqual({ binLocation: 'A-03-2' });
    expect((await patch(admin, sku, { binLocation: '' })).status).toBe(200);
    expect(await binOf(sku)).toBeNull();
    expect((await patch(admin, sku, { binLocation: null })).status).toBe(200);
  });

  it('refuses bad bins, unknown fields and SKUs, and staff without inventory:write', async () => {
    const sku = data.inventory[1]!.sku;
    for (const body of [
      { binLocation: 'A_1' },
      { binLocation: 'x'.repeat(33) },
      { binLocation: 'A-1', x: 1 },
      {},
    ]) {
      const res = await patch(admin, sku, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    expect((await patch(admin, 'NO-SUCH-SKU-1', { binLocation: 'A-1' })).status).toBe(404);
    expect((await patch(warehouse, sku, { binLocation: 'A-1' })).status).toBe(403);
    expect((await api(`/api/admin/inventory/${sku}`, { method: 'PATCH' })).status).toBe(401);
    expect(await binOf(sku)).toBeNull();
  });
});
