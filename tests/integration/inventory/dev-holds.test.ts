/** The bench's loopback-only hold route: N holds at once on one SKU, never past its stock, and bounded input. */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { stockStub } from '@durable-objects/stock';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

const hold = (sku: string, query = '') =>
  SELF.fetch(`http://localhost/dev/stock/${encodeURIComponent(sku)}/hold${query}`, { method: 'POST' });

async function availableOf(sku: string) {
  const level = await stockStub(env, sku).getLevel({ sku });
  if (!level.ok) throw new Error(level.error.code);
  return level.value.available;
}

describe('POST /dev/stock/:sku/hold', () => {
  it('places ?holds=N one-unit holds at once and stops exactly at the stock', async () => {
    const sku = data.inventory.find((l) => l.onHand >= 3)!.sku;
    const before = await availableOf(sku);
    const three = await hold(sku, '?holds=3');
    expect(three.status).toBe(201);
    expect(await three.json()).toMatchObject({ held: 3, refused: [] });
    expect(await availableOf(sku)).toBe(before - 3);

    const rest = before - 3;
    const past = await hold(sku, `?holds=${rest + 2}`);
    expect(past.status).toBe(409);
    const body = (await past.json()) as { held: number; refused: { error: { code: string } }[] };
    expect(body.held).toBe(rest);
    expect(body.refused.map((r) => r.error.code)).toEqual(['INSUFFICIENT_STOCK', 'INSUFFICIENT_STOCK']);
    expect(await availableOf(sku)).toBe(0);
  });

  it('refuses a count that is not a whole number from 1 to 50, holding nothing', async () => {
    const sku = data.inventory.find((l) => l.onHand >= 1)!.sku;
    const before = await availableOf(sku);
    for (const bad of ['0', '51', '2.5', 'many', '-1']) {
      expect((await hold(sku, `?holds=${bad}`)).status).toBe(400);
    }
    expect(await availableOf(sku)).toBe(before);
  });

  it('is an address that does not exist off loopback', async () => {
    const sku = data.inventory[0]!.sku;
    const res = await SELF.fetch(`http://shop.test/dev/stock/${encodeURIComponent(sku)}/hold`, {
      method: 'POST',
    });
    expect(res.status).toBe(404);
  });
});
