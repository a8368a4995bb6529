/** Reconciliation: the ledger recomputes each SKU and agrees with its StockDO, and a drift is reported. */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import { stockStub } from '@durable-objects/stock';
import { seedInventory, uniqueSku } from '@tests/support/stock-fixtures';
import { reconcileMovedSince, reconcileSku } from '@worker/services/inventory/reconcile';
import { describe, expect, it } from 'vitest';

describe('stock reconciliation', () => {
  it('finds no drift after holds, sales and releases, and reports a mirror someone changed by hand', async () => {
    const db = createDb(env);
    const sku = uniqueSku();
    await seedInventory(sku, 30);
    const stock = stockStub(env, sku);
    for (let i = 0; i < 12; i++) await stock.reserve({ sku, requestId: `r${i}`, quantity: 2 });
    for (let i = 0; i < 6; i++) await stock.commit({ sku, requestId: `r${i}` });
    for (let i = 6; i < 9; i++) await stock.release({ sku, requestId: `r${i}` });

    const clean = await reconcileSku(env, db, sku);
    expect(clean).toMatchObject({ object: { onHand: 18, reserved: 6 }, ledger: { onHand: 18, reserved: 6 } });
    expect(clean?.drift).toEqual([]);

    await env.DB.prepare('UPDATE inventory_levels SET on_hand = 99 WHERE sku = ?').bind(sku).run();
    expect((await reconcileSku(env, db, sku))?.drift).toEqual(['mirror']);
    const nightly = await reconcileMovedSince(env, db, Date.now() - 60_000);
    expect(nightly.drifted.map((d) => d.sku)).toContain(sku);
  });
});
