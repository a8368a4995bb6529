/** Writes the demo store as one SQL file: `npx tsx scripts/seed-sql.ts <out.sql>`, then `wrangler d1 execute edgeshop --local --file <out.sql>`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSeed } from '@db/seed/generate';
import { seedToSql } from '@db/seed/to-sql';

// A fixed clock keeps the file reproducible apart from password salts; SEED_NOW overrides it (epoch ms).
const DEFAULT_NOW = Date.UTC(2026, 10, 1);

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/seed-sql.ts <out.sql> [productCount]');
  process.exit(1);
}
const now = process.env.SEED_NOW ? Number(process.env.SEED_NOW) : DEFAULT_NOW;
// The bench seeds its own, bigger store: SEED_PRODUCTS=10000 SEED_VARIANTS_PER_PRODUCT=4 (scripts/bench/server.mjs).
const count = process.argv[3] ?? process.env.SEED_PRODUCTS;
const productCount = count ? Number(count) : undefined;
const perProduct = process.env.SEED_VARIANTS_PER_PRODUCT;
// A year of order history for the dashboard and reports (issue 11); SEED_ORDERS=0 leaves it out.
const orderHistory = Number(process.env.SEED_ORDERS ?? 2500);
// The history ends today (at midnight UTC, so a day's runs agree), not at the fixed clock: a newcomer's dashboard
// shows the last 30 days filled. SEED_NOW pins it too.
const historyNow = process.env.SEED_NOW ? now : Math.floor(Date.now() / 86_400_000) * 86_400_000;
const data = await generateSeed({
  now,
  productCount,
  variantsPerProduct: perProduct ? Number(perProduct) : undefined,
  orderHistory,
  historyNow,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, seedToSql(data));
console.log(
  `wrote ${out}: ${data.products.length} products, ${data.variants.length} variants, ${data.categories.length} categories, ${data.orders.length} orders, ${data.refunds.length} refunds, ${data.promotionUses.length} promotion uses`,
);
