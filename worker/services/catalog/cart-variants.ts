/**
 * The variants carts are priced with, kept in this isolate per page version: every add to cart and every cart read
 * prices its lines, and reading them from D1 each time was two of an add's four round trips (docs/benchmarks.md). A
 * catalog write that changes what a cart shows (a price, a status, a name, a category, a collection, an image) bumps
 * the catalog version by trigger, so a kept variant is never older than the version the isolate trusts
 * (VERSION_MEMO_MS), the same freshness as the edge-cached pages the shopper added it from. Checkout reads the
 * database instead (`fresh`): what a shopper pays is priced from the rows as they are.
 */
import type { Db } from '@db/client';
import { getVariantsBySkus, type VariantForPricing } from '@db/repositories/catalog';
import type { Env } from '@worker/env';
import { memoisedCatalogVersion } from './catalog-version';

/** SKUs kept at most: past it the memo starts again, so SKUs made up by a client cannot grow it without end. */
const MAX_KEPT = 20_000;

/** SKU → its variant, or null for a SKU that is not sold (unknown, or its product not active), as of `version`. */
let kept: { version: number; variants: Map<string, VariantForPricing | null> } | null = null;

/**
 * The sellable variants among `skus` (in no particular order; unknown or unsold SKUs left out, as getVariantsBySkus
 * does). `fresh` reads them all from the database. The objects are shared between requests: callers must not change
 * them.
 */
export async function cartVariants(
  env: Env,
  db: Db,
  skus: readonly string[],
  { fresh = false, now = Date.now() } = {},
): Promise<VariantForPricing[]> {
  const unique = [...new Set(skus)];
  if (fresh || unique.length === 0) return getVariantsBySkus(db, unique);
  const version = await memoisedCatalogVersion(env, now);
  if (kept?.version !== version || kept.variants.size > MAX_KEPT) kept = { version, variants: new Map() };
  const variants = kept.variants;
  const missing = unique.filter((sku) => !variants.has(sku));
  if (missing.length > 0) {
    // Read after the version: a write in between bumps it, and the next version read starts the memo again.
    const read = await getVariantsBySkus(db, missing);
    for (const sku of missing) variants.set(sku, null);
    for (const v of read) variants.set(v.sku, v);
  }
  return unique.flatMap((sku) => variants.get(sku) ?? []);
}
