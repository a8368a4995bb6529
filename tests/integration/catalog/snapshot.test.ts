/** GET /api/catalog/snapshot: the compact offline snapshot, its deltas, removals and cache validators. */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { products, productVariants } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { digestProductIds } from '@domain/catalog/snapshot';
import { seedSmallStore } from '@tests/support/workerd';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

interface Snapshot {
  mode: string;
  version: number;
  watermark: number;
  total: number;
  digest: string;
  maxProducts: number;
  categories: { slug: string; name: string }[];
  products: Array<{
    id: string;
    slug: string;
    name: string;
    categorySlug: string;
    priceFrom: { amount: number; currency: string } | null;
    searchText: string;
    updatedAt: number;
    image: { url: string } | null;
  }>;
  removedIds: string[];
}

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

async function get(path: string, headers: Record<string, string> = {}) {
  return SELF.fetch(`https://shop.test${path}`, { headers });
}

async function snapshot(query = ''): Promise<Snapshot> {
  const res = await get(`/api/catalog/snapshot${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Snapshot;
}

describe('GET /api/catalog/snapshot', () => {
  it('holds every active product in compact form, with categories, the version and a digest of its ids', async () => {
    const res = await get('/api/catalog/snapshot');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect((await get('/api/catalog/snapshot', { 'If-None-Match': etag! })).status).toBe(304);

    const body = (await res.json()) as Snapshot;
    const active = data.products.filter((p) => p.status === 'active');
    expect(body.mode).toBe('full');
    expect(body.maxProducts).toBe(2000);
    expect(body.total).toBe(active.length);
    expect(body.products.map((p) => p.id).sort()).toEqual(active.map((p) => p.id).sort());
    expect(body.digest).toBe(digestProductIds(active.map((p) => p.id)));
    expect(body.categories.map((c) => c.slug).sort()).toEqual(data.categories.map((c) => c.slug).sort());
    const first = body.products.find((p) => p.id === active[0]!.id)!;
    const cheapest = Math.min(
      ...data.variants.filter((v) => v.productId === first.id).map((v) => v.priceAmount),
    );
    expect(first.priceFrom?.amount).toBe(cheapest);
    expect(first.searchText).toContain(first.name.toLowerCase().split(/\W+/)[0]);
    expect(body.version).toBeGreaterThan(1);
  });

  it('answers a delta with changed products and the ids of those that left, and the digest reveals a delete', async () => {
    const db = createDb(env);
    const before = await snapshot();
    const [renamed, archived, deleted] = before.products;
    const later = before.watermark + 1000;
    await db
      .update(products)
      .set({ name: 'Renamed offline', updatedAt: later })
      .where(eq(products.id, renamed!.id));
    await db
      .update(products)
      .set({ status: 'archived', updatedAt: later })
      .where(eq(products.id, archived!.id));

    const delta = await snapshot(`?since=${later}`);
    expect(delta.mode).toBe('delta');
    expect(delta.products.map((p) => [p.id, p.name])).toEqual([[renamed!.id, 'Renamed offline']]);
    expect(delta.removedIds).toEqual([archived!.id]);
    expect(delta.watermark).toBe(later);
    expect(delta.version).toBeGreaterThan(before.version);
    expect(delta.total).toBe(before.total - 1);

    // A hard delete never shows up in a delta; the device sees the digest differ from its own and refetches.
    await db.delete(productVariants).where(eq(productVariants.productId, deleted!.id));
    await db.delete(products).where(eq(products.id, deleted!.id));
    const after = await snapshot(`?since=${later + 1}`);
    expect(after.products).toEqual([]);
    const held = before.products.map((p) => p.id).filter((id) => id !== archived!.id);
    expect(after.digest).not.toBe(digestProductIds(held));
    expect(after.digest).toBe(digestProductIds(held.filter((id) => id !== deleted!.id)));
  });

  it('refuses bad or unknown parameters with a problem', async () => {
    for (const query of ['since=-1', 'since=abc', 'since=1.5', 'limit=10']) {
      const res = await get(`/api/catalog/snapshot?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
  });
});
