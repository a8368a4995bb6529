/**
 * `npx tsx scripts/bench/explain.ts`: the query plan and median time of every statement the storefront's hot reads
 * run (list, count, each facet count, search), on libSQL (the SQLite D1 runs) holding the bench's store of 10,000
 * products × 4 variants (BENCH_PRODUCTS, BENCH_VARIANTS). Prints Markdown for docs/benchmarks.md.
 */
import type { Db } from '@db/client';
import { migrateLibsqlDb } from '@db/client-node';
import { type ListProductsInput, listProducts } from '@db/repositories/product-listing';
import * as schema from '@db/schema';
import { generateSeed } from '@db/seed/generate';
import { insertSeed } from '@db/seed/insert';
import { TEST_SCRYPT_COST } from '@domain/identity/password';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';

const products = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const perProduct = Number(process.env.BENCH_VARIANTS ?? 4);
const RUNS = Number(process.env.EXPLAIN_RUNS ?? 30);

const captured: { sql: string; params: unknown[] }[] = [];
// In memory, seeded on each run (about a minute for 10,000 products).
const client = createClient({ url: ':memory:' });
// Drizzle's logger misses batched statements: record them where they reach the client.
const batch = client.batch.bind(client);
client.batch = (stmts, mode) => {
  for (const s of stmts) {
    if (typeof s === 'string') captured.push({ sql: s, params: [] });
    else if (Array.isArray(s)) captured.push({ sql: s[0], params: (s[1] ?? []) as unknown[] });
    else captured.push({ sql: s.sql, params: (s.args ?? []) as unknown[] });
  }
  return batch(stmts, mode);
};
const db = drizzle(client, { schema }) as unknown as Db;
{
  await migrateLibsqlDb(db);
  const seed = await generateSeed({
    now: Date.UTC(2026, 10, 1),
    productCount: products,
    variantsPerProduct: perProduct,
    passwordCost: TEST_SCRYPT_COST,
  });
  await insertSeed(db, seed);
}
captured.length = 0;

const CASES: [string, Omit<ListProductsInput, 'limit' | 'offset'>][] = [
  ['list, featured (the API default)', {}],
  ['list, price ascending', { sort: 'price_asc' }],
  ['list, one category, newest', { categorySlug: 't-shirts', sort: 'newest' }],
  ['search "organic tee", relevance', { q: 'organic tee' }],
  [
    'facet-heavy: category + 2 sizes + colour + in stock, with facets',
    {
      categorySlug: 't-shirts',
      sizes: ['M', 'L'],
      colours: ['Navy'],
      inStock: true,
      facets: true,
    },
  ],
  ['all products with facets (no filter)', { facets: true }],
  [
    'search "wool" with facets and a price range',
    { q: 'wool', priceMin: 2000, priceMax: 9000, facets: true },
  ],
];

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const inline = (sql: string) => sql.replace(/\s+/g, ' ');

for (const [label, input] of CASES) {
  captured.length = 0;
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await listProducts(db, { ...input, limit: 24, offset: 0 });
    t.push(performance.now() - t0);
  }
  const statements = captured.slice(0, captured.length / RUNS);
  console.log(`\n#### ${label}: ${median(t).toFixed(2)} ms for the whole batch (median of ${RUNS})\n`);
  for (const s of statements) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await client.execute({ sql: s.sql, args: s.params as never });
      times.push(performance.now() - t0);
    }
    const plan = await client.execute({ sql: `explain query plan ${s.sql}`, args: s.params as never });
    console.log(
      `- \`${inline(s.sql).slice(0, 160)}${s.sql.length > 160 ? '…' : ''}\` — ${median(times).toFixed(2)} ms`,
    );
    console.log('  ```');
    for (const row of plan.rows) console.log(`  ${'  '.repeat(Number(row.parent) ? 1 : 0)}${row.detail}`);
    console.log('  ```');
  }
}
