/** Stock adjustments through the StockDO, mirrored to D1 and written to the ledger with the staff member and note. */
import { env } from 'cloudflare:test';
import type { SeedData } from '@db/seed/generate';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

type Level = { onHand: number; reserved: number; available: number };
type Ledger = {
  level: Level;
  items: { delta: number; reason: string; note: string | null; staffName: string | null }[];
};

let data: SeedData;
let admin: string;

beforeAll(async () => {
  data = await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
});

const adjust = (sku: string, body: unknown, cookie = admin) =>
  api(`/api/admin/inventory/${sku}/adjustments`, { cookie, body });

const onHandInD1 = async (sku: string) =>
  (
    await env.DB.prepare('select on_hand from inventory_levels where sku = ?')
      .bind(sku)
      .first<{ on_hand: number }>()
  )?.on_hand;

describe('adjustments', () => {
  it('adds, sets a counted total and removes, mirrored to D1 and listed in the ledger newest first', async () => {
    const { sku, onHand } = data.inventory[0]!;
    const added = await adjust(sku, { delta: 5, reason: 'restock', note: 'PO 1234' });
    expect(added.status).toBe(200);
    expect(((await added.json()) as { level: Level }).level.onHand).toBe(onHand + 5);
    expect(await onHandInD1(sku)).toBe(onHand + 5);

    const counted = await adjust(sku, { setTo: 3, reason: 'correction', note: 'stocktake' });
    expect(((await counted.json()) as { level: Level }).level.onHand).toBe(3);
    expect(await onHandInD1(sku)).toBe(3);
    const same = (await (await adjust(sku, { setTo: 3, reason: 'correction' })).json()) as {
      movementId: null;
    };
    expect(same.movementId).toBeNull();

    const ledger = (await (
      await api(`/api/admin/inventory/${sku}/movements`, { cookie: admin })
    ).json()) as Ledger;
    expect(ledger.level.onHand).toBe(3);
    expect(ledger.items.slice(0, 2).map((m) => [m.delta, m.reason, m.note])).toEqual([
      [3 - (onHand + 5), 'correction', 'stocktake'],
      [5, 'restock', 'PO 1234'],
    ]);
    expect(ledger.items[0]!.staffName).toMatch(/^Staff admin/);
    const audit = await env.DB.prepare(
      "select count(*) as n from audit_log where action = 'inventory.adjust' and entity_id = ?",
    )
      .bind(sku)
      .first<{ n: number }>();
    expect(audit?.n).toBe(2);
  });

  it('never goes below zero, refuses nasty bodies, unknown SKUs and sales by hand', async () => {
    const { sku } = data.inventory[1]!;
    const below = await adjust(sku, { delta: -1_000_000, reason: 'adjustment' });
    expect(below.status).toBe(409);
    for (const body of [
      { delta: 1, setTo: 2, reason: 'restock' },
      { reason: 'restock' },
      { delta: 0, reason: 'restock' },
      { delta: 1.5, reason: 'restock' },
      { delta: 2_000_000, reason: 'restock' },
      { setTo: -1, reason: 'correction' },
      { delta: 1, reason: 'sale' },
      { delta: 1, reason: 'restock', extra: true },
    ]) {
      expect((await adjust(sku, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await adjust('NO-SUCH-SKU-123', { delta: 1, reason: 'restock' })).status).toBe(404);
    expect((await adjust('bad sku!', { delta: 1, reason: 'restock' })).status).toBe(400);
  });

  it('warehouse staff may read the ledger but not adjust; content managers neither; no session is 401', async () => {
    const { sku } = data.inventory[2]!;
    const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
    expect((await api(`/api/admin/inventory/${sku}/movements`, { cookie: warehouse })).status).toBe(200);
    expect((await adjust(sku, { delta: 1, reason: 'restock' }, warehouse)).status).toBe(403);
    const content = await loginCookie('staff', await createStaff(['content']));
    expect((await api(`/api/admin/inventory/${sku}/movements`, { cookie: content })).status).toBe(403);
    expect(
      (await api(`/api/admin/inventory/${sku}/adjustments`, { body: { delta: 1, reason: 'restock' } }))
        .status,
    ).toBe(401);
  });

  it('a new variant starts at 0 and can be stocked at once', async () => {
    const sku = `NEW-${Date.now().toString(36)}`.toUpperCase();
    const created = await api('/api/admin/products', {
      cookie: admin,
      body: {
        name: 'Stock test',
        slug: `stock-test-${Date.now().toString(36)}`,
        categoryId: data.categories[0]!.id,
        variants: [{ sku, price: 100 }],
      },
    });
    expect(created.status).toBe(201);
    const res = await adjust(sku, { delta: 7, reason: 'restock' });
    expect(((await res.json()) as { level: Level }).level).toMatchObject({ onHand: 7, available: 7 });
    const inStock = await env.DB.prepare('select in_stock from products where slug like ?')
      .bind('stock-test-%')
      .first<{
        in_stock: number;
      }>();
    expect(inStock?.in_stock).toBe(1);
  });
});
