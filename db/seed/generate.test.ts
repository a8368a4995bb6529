/** Seed sanity: the demo store is big, consistent and reproducible, and its SQL script equals insertSeed. */

import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { listProducts } from '@db/repositories/catalog';
import { rebuildCustomerTotalsStatements, rebuildRangeStatements } from '@db/repositories/report-rollups';
import * as schema from '@db/schema';
import { isId } from '@domain/core/ids';
import { TEST_SCRYPT_COST } from '@domain/identity/password';
import { addDays, localDay, startOfLocalDay } from '@domain/reports/time-zone';
import { createClient } from '@libsql/client';
import { count } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISCOUNT_CODES, DEMO_STAFF, generateSeed, type SeedData } from './generate';
import { insertSeed } from './insert';
import { seedToSql, sqlLiteral } from './to-sql';

const NOW = Date.UTC(2026, 10, 1);

/** Everything except password hashes, whose salts are random by design. */
function withoutHashes(d: SeedData) {
  return {
    ...d,
    staffUsers: d.staffUsers.map(({ passwordHash: _, ...rest }) => rest),
    customers: d.customers.map(({ passwordHash: _, ...rest }) => rest),
  };
}

describe('demo store seed', () => {
  let seed: SeedData;
  beforeAll(async () => {
    seed = await generateSeed({ now: NOW, passwordCost: TEST_SCRYPT_COST });
  });

  it('is a realistic store: >= 200 active products over >= 8 categories', () => {
    expect(seed.products.length).toBeGreaterThanOrEqual(200);
    expect(seed.categories.length).toBeGreaterThanOrEqual(8);
    expect(seed.products.every((p) => p.status === 'active')).toBe(true);
    for (const c of seed.categories) expect(seed.products.some((p) => p.categoryId === c.id)).toBe(true);
    expect(new Set(seed.products.map((p) => p.slug)).size).toBe(seed.products.length);
    expect(new Set(seed.products.map((p) => p.brand)).size).toBeGreaterThan(3);
    expect(seed.products.every((p) => isId('product', p.id) && p.createdAt < NOW)).toBe(true);
  });

  it('names products without repeating a word ("Waxed Waxed Cotton Coat")', () => {
    const repeated = seed.products
      .map((p) => p.name)
      .filter((name) => {
        const words = name.toLowerCase().split(/\s+/);
        return new Set(words).size !== words.length;
      });
    expect(repeated).toEqual([]);
  });

  it('gives every SKU a unique code, an integer price and an inventory row', () => {
    const skus = seed.variants.map((v) => v.sku);
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.every((s) => /^[A-Z]{3}-\d{4}(-[A-Z0-9]+){0,2}$/.test(s))).toBe(true);
    expect(skus.some((s) => /^TSH-0001-M-[A-Z]+$/.test(s))).toBe(true);
    const stocked = new Set(seed.inventory.map((l) => l.sku));
    expect(stocked.size).toBe(skus.length);
    expect(skus.every((s) => stocked.has(s))).toBe(true);
    for (const v of seed.variants) {
      expect(Number.isInteger(v.priceAmount) && v.priceAmount > 0).toBe(true);
      if (v.compareAtAmount !== null) expect(v.compareAtAmount).toBeGreaterThan(v.priceAmount);
      expect(v.currency).toBe('USD');
    }
    expect(seed.variants.some((v) => v.compareAtAmount !== null)).toBe(true);
    expect(seed.products.every((p) => seed.variants.some((v) => v.productId === p.id))).toBe(true);
  });

  it('has sold-out, low and healthy stock', () => {
    const levels = seed.inventory.map((l) => l.onHand);
    expect(levels.every((n) => Number.isInteger(n) && n >= 0 && n <= 60)).toBe(true);
    expect(levels.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(levels.filter((n) => n > 0 && n < 5).length).toBeGreaterThan(0);
    expect(levels.filter((n) => n >= 5).length / levels.length).toBeGreaterThan(0.7);
  });

  it('gives each product 1-3 placeholder images and many products published reviews', () => {
    for (const p of seed.products) {
      const images = seed.images.filter((i) => i.productId === p.id);
      expect(images.length).toBeGreaterThanOrEqual(1);
      expect(images.length).toBeLessThanOrEqual(3);
      images.forEach((img, n) => {
        expect(img.url).toBe(`/media/placeholder/${p.slug}-${n + 1}.svg`);
        expect(img.alt).toContain(p.name);
      });
    }
    const reviewed = new Set(seed.reviews.filter((r) => r.status === 'published').map((r) => r.productId));
    expect(reviewed.size / seed.products.length).toBeGreaterThan(0.5);
    expect(seed.reviews.every((r) => r.rating >= 1 && r.rating <= 5 && r.createdAt <= NOW)).toBe(true);
  });

  it('has demo staff for each role, customers, codes, banners, a sale and content', async () => {
    const rolesOf = (id: string) => seed.staffRoles.filter((r) => r.staffId === id).map((r) => r.role);
    expect(seed.staffUsers.map((s) => [s.email, rolesOf(s.id)])).toEqual(
      DEMO_STAFF.map((s) => [s.email, s.roles]),
    );
    expect(new Set(seed.staffRoles.map((r) => r.role))).toEqual(new Set(['admin', 'content', 'warehouse']));
    expect(seed.staffUsers.every((s) => s.passwordHash.length > 20 && !s.passwordHash.includes('demo'))).toBe(
      true,
    );
    expect(seed.customers.length).toBeGreaterThanOrEqual(2);
    expect(seed.addresses.length).toBeGreaterThanOrEqual(seed.customers.length);
    expect(seed.discountCodes.map((c) => c.code)).toEqual([...DEMO_DISCOUNT_CODES]);
    expect(seed.banners.length).toBeGreaterThanOrEqual(1);
    // One live demo sale on a whole category, with its start and end as schedule marks.
    const knitwear = seed.categories.find((c) => c.slug === 'knitwear')!;
    expect(seed.sales).toMatchObject([{ categoryIds: [knitwear.id], basisPoints: 2500, active: true }]);
    expect(seed.sales[0]!.startsAt).toBeLessThan(NOW);
    expect(seed.sales[0]!.endsAt).toBeGreaterThan(NOW);
    expect(seed.scheduleMarks.filter((m) => m.ownerId === seed.sales[0]!.id)).toHaveLength(2);
    expect(
      (await generateSeed({ now: NOW, productCount: 12, passwordCost: TEST_SCRYPT_COST, demoSale: false }))
        .sales,
    ).toEqual([]);
    expect(seed.landingPages.map((p) => p.slug)).toEqual(['about', 'spring-edit']);
    expect(seed.posts.length).toBeGreaterThanOrEqual(1);
  });

  it('is deterministic for the same options and honours productCount', async () => {
    const again = await generateSeed({ now: NOW, passwordCost: TEST_SCRYPT_COST });
    expect(withoutHashes(again)).toEqual(withoutHashes(seed));
    const small = await generateSeed({ now: NOW, productCount: 12, passwordCost: TEST_SCRYPT_COST });
    expect(small.products).toHaveLength(12);
  });
});

describe('seed SQL script', () => {
  it('escapes quotes and renders nulls and integers', () => {
    expect(sqlLiteral("O'Brien's")).toBe("'O''Brien''s'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(1999)).toBe('1999');
  });

  it('loads the same rows as insertSeed, and can be applied twice', async () => {
    const seed = await generateSeed({ now: NOW, productCount: 30, passwordCost: TEST_SCRYPT_COST });
    seed.products[0]!.name = "Sam's 'Quoted' Tee; -- not a comment";
    const script = seedToSql(seed);
    for (const statement of script.split(';\n')) expect(statement.length).toBeLessThan(100_000);

    const client = createClient({ url: ':memory:' });
    const viaSql = drizzle(client, { schema });
    await migrateLibsqlDb(viaSql);
    await client.executeMultiple(script);
    await client.executeMultiple(script);
    const viaDrizzle = createLibsqlDb(':memory:');
    await migrateLibsqlDb(viaDrizzle);
    await insertSeed(viaDrizzle, seed);

    for (const table of [schema.products, schema.productVariants, schema.inventoryLevels, schema.banners]) {
      const fromSql = await viaSql.select().from(table);
      expect(fromSql.length).toBeGreaterThan(0);
      expect(fromSql).toEqual(await viaDrizzle.select().from(table));
    }
    const [counted] = await viaSql.select({ n: count() }).from(schema.productVariants);
    expect(counted?.n).toBe(seed.variants.length);
    const page = await listProducts(viaSql, { q: "Sam's 'Quoted'", limit: 10, offset: 0 });
    expect(page.items.map((i) => i.name)).toEqual([seed.products[0]!.name]);
  });

  it('loads order history that the report triggers roll up in New York days, as a rebuild would', async () => {
    const seed = await generateSeed({
      now: NOW,
      productCount: 30,
      passwordCost: TEST_SCRYPT_COST,
      orderHistory: 400,
    });
    const script = seedToSql(seed);
    const client = createClient({ url: ':memory:' });
    const db = drizzle(client, { schema });
    await migrateLibsqlDb(db);
    // Twice: the second run empties the rollups with the orders, so nothing is counted twice.
    await client.executeMultiple(script);
    await client.executeMultiple(script);
    const viaDrizzle = createLibsqlDb(':memory:');
    await migrateLibsqlDb(viaDrizzle);
    await insertSeed(viaDrizzle, seed);
    for (const table of [schema.orders, schema.promotionUses, schema.counters, schema.reportZone]) {
      expect(await db.select().from(table)).toEqual(await viaDrizzle.select().from(table));
    }
    const rollups = [
      schema.reportSalesDaily,
      schema.reportProductDaily,
      schema.reportCountryDaily,
      schema.reportPromotionDaily,
      schema.reportCustomerTotals,
    ] as const;
    const readAll = () => Promise.all(rollups.map((t) => db.select().from(t) as Promise<object[]>));
    const byTriggers = await readAll();
    expect(byTriggers[4]!.length).toBeGreaterThan(1);
    const sales = await db.select().from(schema.reportSalesDaily);
    expect(sales.reduce((a, d) => a + d.orders, 0)).toBe(seed.orders.length);
    expect(sales.reduce((a, d) => a + d.refunds, 0)).toBe(seed.refunds.reduce((a, r) => a + r.amount, 0));
    // The first order's day is its New York day (its UTC date would differ for an evening order).
    const first = seed.orders[0]!;
    expect(sales.some((d) => d.day === localDay(seed.reportZoneOffsets, first.placedAt))).toBe(true);

    const fromDay = localDay(seed.reportZoneOffsets, NOW - 400 * 86_400_000);
    const toDay = addDays(localDay(seed.reportZoneOffsets, NOW), 1);
    const range = {
      fromDay,
      toDay,
      fromMs: startOfLocalDay(seed.reportZoneOffsets, fromDay),
      toMs: startOfLocalDay(seed.reportZoneOffsets, toDay),
    };
    const [head, ...rest] = [...rebuildRangeStatements(db, range), ...rebuildCustomerTotalsStatements(db)];
    await db.batch([head!, ...rest]);
    const rebuilt = await readAll();
    const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(byTriggers.map(sorted)).toEqual(rebuilt.map(sorted));
    // In the totals too: the store shows the year's refunds and discounts.
    expect(sales.some((d) => d.discounts > 0) && sales.some((d) => d.refunds > 0)).toBe(true);
    // Two stores and two script runs: about a second alone, longer beside a build or the e2e suite.
  }, 30_000);
});
