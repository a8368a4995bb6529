/** The repository tests, written once and run on both drivers: libSQL in Node and D1 inside workerd. */

import type { Db } from '@db/client';
import { getProductBySlug, getVariantsBySkus, listCategories, listProducts } from '@db/repositories/catalog';
import { findOutboxEmail, insertOutboxEmail, listOutboxEmails } from '@db/repositories/email-outbox';
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  countIdempotencyKeys,
  findIdempotencyRecord,
  IDEMPOTENCY_LEASE_MS,
  markIdempotencyFailed,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
} from '@db/repositories/idempotency';
import { getInventoryLevel, getOnHand, listLowStock } from '@db/repositories/inventory';
import { suggestProducts } from '@db/repositories/product-search';
import { findStaffByEmail } from '@db/repositories/staff';
import { catalogState, inventoryLevels, products, productVariants, reviews } from '@db/schema';
import { DEMO_STAFF, type GenerateSeedOptions, generateSeed, type SeedData } from '@db/seed/generate';
import { TEST_SCRYPT_COST, verifyPassword } from '@domain/identity/password';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerListingContract } from './listing-contract';

/** The small store both drivers load: 12 products, cheap password hashing. */
export const CONTRACT_SEED: GenerateSeedOptions = {
  now: Date.UTC(2026, 0, 15),
  productCount: 12,
  passwordCost: TEST_SCRYPT_COST,
};

/** Message and causes of an error, so assertions see the SQLite reason through Drizzle's wrapper. */
function errorText(e: unknown): string {
  const parts: string[] = [];
  for (let cur = e; cur instanceof Error && parts.length < 5; cur = cur.cause) parts.push(cur.message);
  return parts.join(' | ');
}

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return errorText(e);
  }
  throw new Error('expected the statement to be rejected');
}

/** Registers the contract; `makeDb` returns a migrated database holding generateSeed(CONTRACT_SEED). */
export function registerRepositoryContract(driver: string, makeDb: () => Promise<Db>): void {
  describe(`repositories on ${driver}`, () => {
    let db: Db;
    let seed: SeedData;
    function activeCount() {
      return seed.products.length;
    }
    function variantsOf(productId: string) {
      return seed.variants.filter((v) => v.productId === productId);
    }

    beforeAll(async () => {
      db = await makeDb();
      seed = await generateSeed(CONTRACT_SEED);
    });

    describe('catalog', () => {
      it('lists every category in position order with active product counts', async () => {
        const cats = await listCategories(db);
        expect(cats.map((c) => c.slug)).toEqual(seed.categories.map((c) => c.slug));
        for (const c of cats) {
          expect(c.productCount).toBe(seed.products.filter((p) => p.categoryId === c.id).length);
        }
        expect(cats.reduce((n, c) => n + c.productCount, 0)).toBe(activeCount());
      });

      it('summarises products with cheapest price, first image and published rating', async () => {
        const { items, total } = await listProducts(db, { limit: 100, offset: 0 });
        expect(total).toBe(activeCount());
        expect(items).toHaveLength(activeCount());
        for (const item of items) {
          const product = seed.products.find((p) => p.id === item.id)!;
          const prices = variantsOf(item.id).map((v) => v.priceAmount);
          expect(item.priceFrom).toEqual({ amount: Math.min(...prices), currency: 'USD' });
          expect(Number.isInteger(item.priceFrom.amount)).toBe(true);
          const first = seed.images
            .filter((i) => i.productId === item.id)
            .sort((a, b) => a.position - b.position)[0];
          expect(item.imageUrl).toBe(first?.url ?? null);
          expect(item.imageUrl).toMatch(new RegExp(`^/media/placeholder/${product.slug}-1\\.svg$`));
          const published = seed.reviews.filter((r) => r.productId === item.id && r.status === 'published');
          expect(item.reviewCount).toBe(published.length);
          if (published.length === 0) expect(item.rating).toBeNull();
          else {
            const mean = published.reduce((n, r) => n + r.rating, 0) / published.length;
            expect(item.rating).toBeCloseTo(mean, 1);
          }
          const onSale = variantsOf(item.id).some((v) => v.compareAtAmount !== null);
          expect(item.compareAtFrom === null).toBe(!onSale);
        }
      });

      it('filters by category slug, and an unknown slug gives an empty page', async () => {
        const cat = seed.categories[0]!;
        const page = await listProducts(db, { categorySlug: cat.slug, limit: 100, offset: 0 });
        expect(page.total).toBe(seed.products.filter((p) => p.categoryId === cat.id).length);
        expect(page.total).toBeGreaterThan(0);
        expect(page.items.every((i) => i.categorySlug === cat.slug && i.categoryName === cat.name)).toBe(
          true,
        );
        expect(await listProducts(db, { categorySlug: 'no-such-category', limit: 10, offset: 0 })).toEqual({
          items: [],
          total: 0,
        });
      });

      it('sorts by price both ways, by newest and by rating', async () => {
        const asc = (await listProducts(db, { sort: 'price_asc', limit: 100, offset: 0 })).items;
        const ascPrices = asc.map((i) => i.priceFrom.amount);
        expect(ascPrices).toEqual([...ascPrices].sort((a, b) => a - b));
        const desc = (await listProducts(db, { sort: 'price_desc', limit: 100, offset: 0 })).items;
        const descPrices = desc.map((i) => i.priceFrom.amount);
        expect(descPrices).toEqual([...descPrices].sort((a, b) => b - a));
        expect(ascPrices[0]).toBeLessThan(descPrices[0]!);

        const newest = (await listProducts(db, { sort: 'newest', limit: 100, offset: 0 })).items;
        const created = newest.map((i) => seed.products.find((p) => p.id === i.id)!.createdAt);
        expect(created).toEqual([...created].sort((a, b) => b - a));

        const rated = (await listProducts(db, { sort: 'rating', limit: 100, offset: 0 })).items;
        const firstNull = rated.findIndex((i) => i.rating === null);
        const withRating = rated.slice(0, firstNull === -1 ? rated.length : firstNull).map((i) => i.rating!);
        expect(withRating).toEqual([...withRating].sort((a, b) => b - a));
        if (firstNull !== -1) expect(rated.slice(firstNull).every((i) => i.rating === null)).toBe(true);
      });

      it('pages without gaps or repeats and keeps the total', async () => {
        const all = (await listProducts(db, { limit: 100, offset: 0 })).items.map((i) => i.id);
        const pages = [];
        for (let offset = 0; offset < all.length; offset += 5) {
          const page = await listProducts(db, { limit: 5, offset });
          expect(page.total).toBe(all.length);
          pages.push(...page.items.map((i) => i.id));
        }
        expect(pages).toEqual(all);
        expect((await listProducts(db, { limit: 5, offset: 1000 })).items).toEqual([]);
      });

      it('searches words by prefix in name, brand and description, case- and accent-insensitively', async () => {
        // A word of the first product's name, then its first three letters typed in capitals.
        const word = seed.products[0]!.name.split(' ').at(-1)!.toLowerCase();
        const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        const holds = (p: SeedData['products'][number], prefix: string) =>
          words(`${p.name} ${p.brand} ${p.description}`).some((w) => w.startsWith(prefix));
        const full = await listProducts(db, { q: word.toUpperCase(), limit: 100, offset: 0 });
        expect(full.items.map((i) => i.id)).toContain(seed.products[0]!.id);
        const prefix = word.slice(0, 3);
        const typed = await listProducts(db, { q: prefix.toUpperCase(), limit: 100, offset: 0 });
        const expected = seed.products.filter((p) => p.status === 'active' && holds(p, prefix));
        expect(typed.items.map((i) => i.id).sort()).toEqual(expected.map((p) => p.id).sort());
        expect(typed.total).toBe(expected.length);
        expect((await listProducts(db, { q: 'zzzz-nothing', limit: 100, offset: 0 })).total).toBe(0);
      });

      it('stems English words, so a plural finds the singular', async () => {
        const product = seed.products.find((p) => /^[a-z]{4,}$/i.test(p.name.split(' ').at(-1)!))!;
        const word = product.name.split(' ').at(-1)!.toLowerCase();
        const plural = await listProducts(db, { q: `${word}s`, limit: 100, offset: 0 });
        expect(plural.items.map((i) => i.id)).toContain(product.id);
      });

      it('puts name matches first with the default sort', async () => {
        const product = seed.products[0]!;
        const name = product.name.toLowerCase();
        const page = await listProducts(db, { q: name, limit: 100, offset: 0 });
        expect(page.items[0]?.name.toLowerCase()).toBe(name);
      });

      it('takes FTS5 syntax and SQL in the query as plain text, never as an error', async () => {
        for (const q of [
          '"unbalanced',
          'a NEAR(b c, 2)',
          'name:tee',
          '(((',
          '*',
          '^',
          'x OR 1=1',
          "'; DROP TABLE products; --",
          '%',
          `${'é'.repeat(50)}%_`,
        ]) {
          const page = await listProducts(db, { q, limit: 100, offset: 0 });
          expect(page.total, q).toBeGreaterThanOrEqual(0);
        }
        expect((await listProducts(db, { q: '%', limit: 100, offset: 0 })).total).toBe(0);
        expect((await listProducts(db, { q: '*', limit: 100, offset: 0 })).total).toBe(0);
        expect((await listProducts(db, { limit: 100, offset: 0 })).total).toBeGreaterThan(0);
      });

      it('matches a long query by its first words', async () => {
        const product = seed.products[0]!;
        const phrase = product.description.slice(0, 90);
        expect(phrase.length).toBeGreaterThan(60);
        const page = await listProducts(db, { q: phrase.toUpperCase(), limit: 100, offset: 0 });
        expect(page.items.map((i) => i.id)).toContain(product.id);
      });

      it('keeps the index in step with product changes', async () => {
        const product = seed.products[1]!;
        await db.update(products).set({ name: 'Quuxable Thing' }).where(eq(products.id, product.id));
        expect(
          (await listProducts(db, { q: 'quuxable', limit: 10, offset: 0 })).items.map((i) => i.id),
        ).toEqual([product.id]);
        await db.update(products).set({ name: product.name }).where(eq(products.id, product.id));
        expect((await listProducts(db, { q: 'quuxable', limit: 10, offset: 0 })).total).toBe(0);
        expect(
          (await listProducts(db, { q: product.name, limit: 100, offset: 0 })).items.map((i) => i.id),
        ).toContain(product.id);
      });

      it('suggests products as you type, name matches first, with the matched words marked', async () => {
        const product = seed.products.find((p) => p.status === 'active')!;
        const first = product.name.split(' ')[0]!;
        const typed = first.slice(0, 3).toLowerCase();
        const suggestions = await suggestProducts(db, typed, 5);
        expect(suggestions.length).toBeGreaterThan(0);
        expect(suggestions.length).toBeLessThanOrEqual(5);
        for (const s of suggestions) {
          expect(s.nameSegments.map((x) => x.text).join('')).toBe(s.name);
        }
        const top = suggestions[0]!;
        const marked = top.nameSegments.filter((x) => x.match).map((x) => x.text.toLowerCase());
        expect(marked.some((w) => w.startsWith(typed))).toBe(true);
        expect(await suggestProducts(db, '"(*', 5)).toEqual([]);
        expect((await suggestProducts(db, typed, 50)).length).toBeLessThanOrEqual(10); // capped at MAX_SUGGESTIONS
      });

      it('returns the product page with options, variants, images and latest published reviews', async () => {
        const product = seed.products.find((p) => {
          const vs = variantsOf(p.id);
          return new Set(vs.map((v) => v.size)).size > 1 && new Set(vs.map((v) => v.colour)).size > 1;
        })!;
        const detail = (await getProductBySlug(db, product.slug))!;
        expect(detail.id).toBe(product.id);
        expect(detail.description).toBe(product.description);
        expect(detail.brand).toBe(product.brand);
        const variants = variantsOf(product.id).sort((a, b) => a.position - b.position);
        expect(detail.variants.map((v) => v.sku)).toEqual(variants.map((v) => v.sku));
        expect(detail.variants[0]!.price).toEqual({ amount: variants[0]!.priceAmount, currency: 'USD' });
        expect(detail.options.sizes).toEqual([...new Set(variants.map((v) => v.size!))]);
        expect(detail.options.colours).toEqual([...new Set(variants.map((v) => v.colour!))]);
        const images = seed.images
          .filter((i) => i.productId === product.id)
          .sort((a, b) => a.position - b.position);
        expect(detail.images).toEqual(
          images.map((i) => ({ id: i.id, url: i.url, alt: i.alt, width: i.width, height: i.height })),
        );
        expect(detail.optionTypes.map((t) => t.name)).toEqual(['Size', 'Colour']);
        expect(detail.variants[0]!.options).toEqual({ Size: variants[0]!.size, Colour: variants[0]!.colour });
        expect(detail.categoryPath.at(-1)).toEqual({ slug: detail.categorySlug, name: detail.categoryName });
        expect(detail.attributes.length).toBeGreaterThan(0);
        expect(detail.related.length).toBeGreaterThan(0);
        expect(
          detail.related.every((r) => r.id !== product.id && r.categorySlug === detail.categorySlug),
        ).toBe(true);
        // Ranked by tags shared with the product, then rating, review count and id (the category has < 48 others).
        const others = (
          await db.select().from(products).where(eq(products.categoryId, product.categoryId))
        ).filter((p) => p.status === 'active' && p.id !== product.id);
        const mine = new Set(JSON.parse(product.tags) as string[]);
        const shared = (p: (typeof others)[number]) =>
          (JSON.parse(p.tags) as string[]).filter((t) => mine.has(t)).length;
        const ranked = others.sort(
          (a, b) =>
            shared(b) - shared(a) ||
            (b.ratingAvg ?? -1) - (a.ratingAvg ?? -1) ||
            b.reviewCount - a.reviewCount ||
            (a.id < b.id ? -1 : 1),
        );
        expect(detail.related.map((r) => r.id)).toEqual(ranked.slice(0, 4).map((p) => p.id));
        const published = seed.reviews
          .filter((r) => r.productId === product.id && r.status === 'published')
          .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
        expect(detail.reviews.map((r) => r.id)).toEqual(published.slice(0, 10).map((r) => r.id));
        const stars = [1, 2, 3, 4, 5].map((n) => published.filter((r) => r.rating === n).length);
        expect(Object.values(detail.ratingDistribution)).toEqual(stars);
        expect(await getProductBySlug(db, 'no-such-product')).toBeNull();
      });

      it('prices SKUs from the database, ignoring unknown SKUs', async () => {
        const [a, b] = seed.variants;
        const found = await getVariantsBySkus(db, [a!.sku, 'NOPE-0000', b!.sku, a!.sku]);
        expect(found.map((v) => v.sku).sort()).toEqual([a!.sku, b!.sku].sort());
        const va = found.find((v) => v.sku === a!.sku)!;
        const product = seed.products.find((p) => p.id === a!.productId)!;
        expect(va).toMatchObject({
          productId: product.id,
          productSlug: product.slug,
          productName: product.name,
          size: a!.size,
          colour: a!.colour,
          price: { amount: a!.priceAmount, currency: 'USD' },
        });
        expect(va.imageUrl).toBe(`/media/placeholder/${product.slug}-1.svg`);
        expect(await getVariantsBySkus(db, [])).toEqual([]);
      });

      it('hides draft products from listing, detail and pricing', async () => {
        const product = seed.products[1]!;
        const sku = variantsOf(product.id)[0]!.sku;
        await db.update(products).set({ status: 'draft' }).where(eq(products.id, product.id));
        try {
          expect((await listProducts(db, { limit: 100, offset: 0 })).total).toBe(activeCount() - 1);
          expect(await getProductBySlug(db, product.slug)).toBeNull();
          expect(await getVariantsBySkus(db, [sku])).toEqual([]);
        } finally {
          await db.update(products).set({ status: 'active' }).where(eq(products.id, product.id));
        }
        expect(await getVariantsBySkus(db, [sku])).toHaveLength(1);
      });
    });

    describe('listing columns and catalog version (triggers)', () => {
      async function listing(productId: string) {
        const [row] = await db
          .select({
            priceMin: products.priceMin,
            inStock: products.inStock,
            ratingAvg: products.ratingAvg,
            reviewCount: products.reviewCount,
          })
          .from(products)
          .where(eq(products.id, productId));
        return row!;
      }
      async function version() {
        const [row] = await db.select({ v: catalogState.version }).from(catalogState);
        return row!.v;
      }

      it('were filled from the seeded variants, stock and published reviews', async () => {
        for (const p of seed.products) {
          const variants = variantsOf(p.id);
          const published = seed.reviews.filter((r) => r.productId === p.id && r.status === 'published');
          const stocked = variants.some(
            (v) => (seed.inventory.find((l) => l.sku === v.sku)?.onHand ?? 0) > 0,
          );
          const row = await listing(p.id);
          expect(row.priceMin).toBe(Math.min(...variants.map((v) => v.priceAmount)));
          expect(row.inStock).toBe(stocked);
          expect(row.reviewCount).toBe(published.length);
          if (published.length)
            expect(row.ratingAvg).toBeCloseTo(
              published.reduce((n, r) => n + r.rating, 0) / published.length,
              5,
            );
          else expect(row.ratingAvg).toBeNull();
        }
      });

      it('follow price, stock and review changes, and catalog writes bump the version but stock does not', async () => {
        const product = seed.products[2]!;
        const variant = variantsOf(product.id)[0]!;
        const before = await listing(product.id);
        const v0 = await version();
        await db.update(productVariants).set({ priceAmount: 1 }).where(eq(productVariants.id, variant.id));
        expect((await listing(product.id)).priceMin).toBe(1);
        const v1 = await version();
        expect(v1).toBeGreaterThan(v0);

        const skus = variantsOf(product.id).map((v) => v.sku);
        const levels = seed.inventory.filter((l) => skus.includes(l.sku));
        for (const sku of skus)
          await db.update(inventoryLevels).set({ onHand: 0 }).where(eq(inventoryLevels.sku, sku));
        expect((await listing(product.id)).inStock).toBe(false);
        expect(await version()).toBe(v1);

        await db.insert(reviews).values({
          id: 'rev_trigger_test',
          productId: product.id,
          authorName: 'T',
          rating: 1,
          status: 'pending',
          createdAt: 1,
        });
        expect((await listing(product.id)).reviewCount).toBe(before.reviewCount);
        await db.update(reviews).set({ status: 'published' }).where(eq(reviews.id, 'rev_trigger_test'));
        expect((await listing(product.id)).reviewCount).toBe(before.reviewCount + 1);
        expect(await version()).toBeGreaterThan(v1);

        await db.delete(reviews).where(eq(reviews.id, 'rev_trigger_test'));
        await db
          .update(productVariants)
          .set({ priceAmount: variant.priceAmount })
          .where(eq(productVariants.id, variant.id));
        for (const l of levels)
          await db.update(inventoryLevels).set({ onHand: l.onHand }).where(eq(inventoryLevels.sku, l.sku));
        expect(await listing(product.id)).toEqual(before);
      });
    });

    describe('inventory', () => {
      it('reads on-hand per SKU and null for an unknown SKU', async () => {
        for (const level of seed.inventory.slice(0, 5))
          expect(await getOnHand(db, level.sku)).toBe(level.onHand);
        expect(await getOnHand(db, 'NOPE-0000')).toBeNull();
      });

      it('reads the level a StockDO starts from: on-hand and low-stock threshold', async () => {
        const level = seed.inventory[3]!;
        expect(await getInventoryLevel(db, level.sku)).toEqual({
          onHand: level.onHand,
          lowStockThreshold: level.lowStockThreshold,
        });
        expect(await getInventoryLevel(db, 'NOPE-0000')).toBeNull();
      });

      it('lists SKUs at or below their threshold, emptiest first', async () => {
        const low = await listLowStock(db, 500);
        const expected = seed.inventory.filter((l) => l.onHand <= l.lowStockThreshold);
        expect(low).toHaveLength(expected.length);
        expect(low.map((l) => l.onHand)).toEqual([...low.map((l) => l.onHand)].sort((a, b) => a - b));
        expect(low.every((l) => l.productName !== null)).toBe(true);
        expect(await listLowStock(db, 1)).toHaveLength(Math.min(1, expected.length));
      });
    });

    describe('idempotency keys', () => {
      const scope = 'caller-1 POST /api/checkout';
      it('lets exactly one claim win, then stores and replays the response', async () => {
        const input = { scope, key: 'key-one-0001', requestHash: 'h1', token: 't1', now: 1000 };
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        expect(await claimIdempotencyKey(db, { ...input, requestHash: 'other', token: 't2' })).toBe(false);
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({
          requestHash: 'h1',
          statusCode: null,
        });
        const stored = await completeIdempotencyRecord(db, {
          scope,
          key: input.key,
          token: 't1',
          statusCode: 201,
          headers: { 'content-type': 'application/json' },
          body: '{"ok":true}',
          now: 2000,
        });
        expect(stored).toBe(true);
        const record = (await findIdempotencyRecord(db, scope, input.key))!;
        expect(record).toMatchObject({ statusCode: 201, responseBody: '{"ok":true}', completedAt: 2000 });
        expect(JSON.parse(record.responseHeaders!)).toEqual({ 'content-type': 'application/json' });
        // A completed record is a result, not a claim: release must not drop it.
        await releaseIdempotencyKey(db, scope, input.key, 't1');
        expect(await findIdempotencyRecord(db, scope, input.key)).not.toBeNull();
        expect(await findIdempotencyRecord(db, 'GET /elsewhere', input.key)).toBeNull();
      });

      it('lets the same request take over a claim left in progress past the lease, and nothing else', async () => {
        const input = { scope, key: 'key-stale-003', requestHash: 'h3', token: 'first', now: 100_000 };
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        const later = input.now + IDEMPOTENCY_LEASE_MS + 1;
        expect(
          await claimIdempotencyKey(db, { ...input, token: 'x', now: input.now + IDEMPOTENCY_LEASE_MS }),
        ).toBe(false);
        expect(
          await claimIdempotencyKey(db, { ...input, requestHash: 'other', token: 'y', now: later }),
        ).toBe(false);
        expect(await claimIdempotencyKey(db, { ...input, token: 'second', now: later })).toBe(true);
        // The takeover restarts the lease.
        expect(await claimIdempotencyKey(db, { ...input, token: 'third', now: later + 1 })).toBe(false);
        await completeIdempotencyRecord(db, {
          scope,
          key: input.key,
          token: 'second',
          statusCode: 200,
          headers: {},
          body: '',
          now: later,
        });
        // A completed record is a result: it is replayed, never taken over.
        expect(
          await claimIdempotencyKey(db, {
            ...input,
            token: 'fourth',
            now: later + 10 * IDEMPOTENCY_LEASE_MS,
          }),
        ).toBe(false);
        await releaseIdempotencyKey(db, scope, input.key, 'second');
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({ statusCode: 200 });
      });

      it("after a takeover, the original owner can neither release nor overwrite the new owner's claim", async () => {
        const input = { scope, key: 'key-owned-004', requestHash: 'h4', token: 'original', now: 200_000 };
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        const later = input.now + IDEMPOTENCY_LEASE_MS + 1;
        expect(await claimIdempotencyKey(db, { ...input, token: 'successor', now: later })).toBe(true);

        // The original request finally ends: its release and its completion touch nothing.
        await releaseIdempotencyKey(db, scope, input.key, 'original');
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({
          claimToken: 'successor',
          statusCode: null,
        });
        const overwritten = await completeIdempotencyRecord(db, {
          scope,
          key: input.key,
          token: 'original',
          statusCode: 500,
          headers: {},
          body: 'stale',
          now: later + 5,
        });
        expect(overwritten).toBe(false);
        await markIdempotencyFailed(db, { scope, key: input.key, token: 'original', now: later + 6 });
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({
          statusCode: null,
          failedAt: null,
        });
        // Another request cannot take the live claim, and the successor's own result is the one kept.
        expect(await claimIdempotencyKey(db, { ...input, token: 'third', now: later + 7 })).toBe(false);
        expect(
          await completeIdempotencyRecord(db, {
            scope,
            key: input.key,
            token: 'successor',
            statusCode: 200,
            headers: {},
            body: 'fresh',
            now: later + 8,
          }),
        ).toBe(true);
        await completeIdempotencyRecord(db, {
          scope,
          key: input.key,
          token: 'original',
          statusCode: 201,
          headers: {},
          body: 'stale',
          now: later + 9,
        });
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({
          statusCode: 200,
          responseBody: 'fresh',
        });
      });

      it('lets the same request take over a claim marked failed at once, and counts keys per caller', async () => {
        const input = {
          scope,
          key: 'key-failed-05',
          requestHash: 'h5',
          token: 'a',
          now: 300_000,
          caller: 'c5',
        };
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        await markIdempotencyFailed(db, { scope, key: input.key, token: 'a', now: input.now + 1 });
        expect(
          await claimIdempotencyKey(db, { ...input, requestHash: 'other', token: 'b', now: input.now + 2 }),
        ).toBe(false);
        expect(await claimIdempotencyKey(db, { ...input, token: 'c', now: input.now + 2 })).toBe(true);
        expect(await findIdempotencyRecord(db, scope, input.key)).toMatchObject({
          claimToken: 'c',
          failedAt: null,
        });
        await claimIdempotencyKey(db, { ...input, key: 'key-failed-06', token: 'd' });
        expect(await countIdempotencyKeys(db, 'c5', input.now - 10)).toBe(2);
        expect(await countIdempotencyKeys(db, 'c5', input.now + 10)).toBe(0);
        expect(await countIdempotencyKeys(db, 'other', 0)).toBe(0);
      });

      it('releases an in-progress claim so the key can be claimed again, and purges old keys', async () => {
        const input = { scope, key: 'key-two-0002', requestHash: 'h2', token: 't', now: 5000 };
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        await releaseIdempotencyKey(db, scope, input.key, 't');
        expect(await findIdempotencyRecord(db, scope, input.key)).toBeNull();
        expect(await claimIdempotencyKey(db, input)).toBe(true);
        expect(await purgeIdempotencyKeys(db, 4000)).toBe(1); // key-one (created at 1000)
        expect(await findIdempotencyRecord(db, scope, 'key-one-0001')).toBeNull();
        expect(await findIdempotencyRecord(db, scope, input.key)).not.toBeNull();
      });
    });

    describe('staff', () => {
      it('finds a staff user by email, case-insensitively, with a verifiable password hash', async () => {
        const admin = (await findStaffByEmail(db, ' ADMIN@demo.shop '))!;
        expect(admin).toMatchObject({ email: 'admin@demo.shop', roles: ['admin'] });
        expect(await verifyPassword(DEMO_STAFF[0]!.password, admin.passwordHash)).toBe(true);
        expect((await findStaffByEmail(db, 'lead@demo.shop'))?.roles).toEqual(['content', 'warehouse']);
        expect(await verifyPassword('wrong-password', admin.passwordHash)).toBe(false);
        expect(await findStaffByEmail(db, 'nobody@demo.shop')).toBeNull();
      });
    });

    describe('email outbox', () => {
      const email = (to: string, subject: string) => ({
        to,
        subject,
        textBody: `${subject} (text)`,
        htmlBody: `<p>${subject}</p>`,
        kind: 'verify-email' as const,
      });

      it('stores messages with an email id and lists them newest first, by recipient in any case', async () => {
        const t = Date.UTC(2026, 1, 1);
        const first = await insertOutboxEmail(db, email('Outbox.Reader@example.com', 'first'), t);
        const second = await insertOutboxEmail(db, email('outbox.reader@example.com', 'second'), t + 1);
        await insertOutboxEmail(db, email('someone.else@example.com', 'other'), t + 2);

        expect(first.id).toMatch(/^eml_[0-9A-Z]{26}$/);
        expect(await findOutboxEmail(db, first.id)).toEqual(first);
        expect(await findOutboxEmail(db, 'eml_unknown')).toBeNull();
        const mine = await listOutboxEmails(db, { to: ' OUTBOX.reader@example.com ' });
        expect(mine.map((m) => m.subject)).toEqual(['second', 'first']);
        expect(mine[0]).toEqual(second);
        expect(await listOutboxEmails(db, { to: 'outbox.reader@example.com', limit: 1 })).toEqual([second]);
        expect((await listOutboxEmails(db)).map((m) => m.subject).slice(0, 3)).toEqual([
          'other',
          'second',
          'first',
        ]);
      });
    });

    describe('constraints and batches', () => {
      it('rejects negative stock, a rating of 6 and a duplicate SKU', async () => {
        const sku = seed.inventory[0]!.sku;
        expect(
          await rejection(db.update(inventoryLevels).set({ onHand: -1 }).where(eq(inventoryLevels.sku, sku))),
        ).toMatch(/CHECK constraint failed/i);
        expect(await getOnHand(db, sku)).toBe(seed.inventory[0]!.onHand);
        const review = {
          id: 'rev_test6',
          productId: seed.products[0]!.id,
          authorName: 'X',
          rating: 6,
          createdAt: 1,
        };
        expect(await rejection(db.insert(reviews).values(review))).toMatch(/CHECK constraint failed/i);
        const dup = { ...seed.variants[0]!, id: 'var_dup' };
        expect(await rejection(db.insert(productVariants).values(dup))).toMatch(/UNIQUE constraint failed/i);
      });

      it('writes a batch all-or-nothing', async () => {
        const ok = db.insert(inventoryLevels).values({ sku: 'BATCH-OK', onHand: 3, updatedAt: 1 });
        const bad = db.insert(inventoryLevels).values({ sku: 'BATCH-BAD', onHand: -3, updatedAt: 1 });
        expect(await rejection(db.batch([ok, bad]))).toMatch(/CHECK constraint failed/i);
        expect(await getOnHand(db, 'BATCH-OK')).toBeNull();
        expect(await getOnHand(db, 'BATCH-BAD')).toBeNull();
        await db.batch([db.insert(inventoryLevels).values({ sku: 'BATCH-OK', onHand: 3, updatedAt: 1 })]);
        expect(await getOnHand(db, 'BATCH-OK')).toBe(3);
      });
    });

    registerListingContract(() => db);
  });
}
