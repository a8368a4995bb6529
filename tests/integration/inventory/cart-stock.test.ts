/**
 * What an add to cart knows of the stock: a scarce SKU's StockDO is asked every time; a plentiful SKU's figure is
 * kept for a moment (worker/services/inventory/cart-stock.ts), and once that passes a drop is seen. Either way a
 * checkout hold is what never oversells.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { LEVEL_MEMO_MS, PLENTIFUL } from '@worker/services/inventory/cart-stock';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

/** Sets the SKU's on-hand count to `units` (nothing is held on these SKUs). */
async function setStock(sku: string, units: number) {
  const stock = stockStub(env, sku);
  const level = await stock.getLevel({ sku });
  if (!level.ok) throw new Error(level.error.code);
  const moved = await stock.adjust({ sku, delta: units - level.value.onHand, reason: 'correction' });
  if (!moved.ok) throw new Error(moved.error.code);
}

const add = (api: ReturnType<typeof newClient>, sku: string, quantity: number) =>
  api(`/api/carts/${newId('cart')}/items`, jsonBody({ sku, quantity }));

describe('the stock an add to cart sees', () => {
  it('asks for a scarce SKU every time: a drop is refused at once', async () => {
    const api = newClient();
    const sku = data.inventory[6]!.sku;
    await setStock(sku, PLENTIFUL - 1);
    expect((await add(api, sku, 5)).status).toBe(200);
    await setStock(sku, 2);
    const refused = await add(api, sku, 5);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK', meta: { available: 2 } });
  });

  it("sees a plentiful SKU's drop once its kept figure is older than LEVEL_MEMO_MS", async () => {
    const api = newClient();
    const sku = data.inventory[7]!.sku;
    await setStock(sku, PLENTIFUL + 50);
    expect((await add(api, sku, 5)).status).toBe(200);
    await setStock(sku, 0);
    await new Promise((resolve) => setTimeout(resolve, LEVEL_MEMO_MS + 50));
    const refused = await add(api, sku, 1);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'INSUFFICIENT_STOCK', meta: { available: 0 } });
  });
});
