/**
 * Catalog sales as the shop applies them. The active sales that have not ended, and the category tree their
 * categories are matched through, are read once per page version in each isolate (a sale's write bumps the version
 * by trigger, its start and end pass schedule marks), so pricing a page, a cart or a checkout costs no query for them.
 * Every price a shopper sees or pays goes through the one rule, salePriceOf.
 */
import { createDb } from '@db/client';
import type { ProductDetail, ProductSummary } from '@db/repositories/catalog';
import { activeSalesFrom, categoryParents } from '@db/repositories/sales';
import type { Money } from '@domain/pricing/money';
import { type Sale, type SalePrice, salePriceOf } from '@domain/pricing/promotions/sale-price';
import type { Env } from '@worker/env';
import { perPageVersion } from '@worker/services/catalog/catalog-version';

/** The sales the shop prices with, and a category's ancestors (itself first), by id and by slug. */
export interface ShopSales {
  sales: Sale[];
  ancestorsOfId: (categoryId: string) => string[];
  ancestorsOfSlug: (categorySlug: string) => string[];
}

/** No sales: what a caller without a Worker environment (a test, a script) prices with. */
export const NO_SALES: ShopSales = { sales: [], ancestorsOfId: (id) => [id], ancestorsOfSlug: () => [] };

async function readShopSales(env: Env, now: number): Promise<ShopSales> {
  const db = createDb(env);
  const [sales, tree] = await Promise.all([activeSalesFrom(db, now), categoryParents(db)]);
  if (sales.length === 0) return NO_SALES;
  const parentOf = new Map(tree.map((c) => [c.id, c.parentId]));
  const idOfSlug = new Map(tree.map((c) => [c.slug, c.id]));
  const memo = new Map<string, string[]>();
  const ancestorsOfId = (id: string): string[] => {
    let found = memo.get(id);
    if (!found) {
      found = [];
      // The set stops a cycle in the tree, as the pricing query's UNION does.
      for (let at: string | null | undefined = id; at && !found.includes(at); at = parentOf.get(at))
        found.push(at);
      memo.set(id, found);
    }
    return found;
  };
  return {
    sales,
    ancestorsOfId,
    ancestorsOfSlug: (slug) => {
      const id = idOfSlug.get(slug);
      return id ? ancestorsOfId(id) : [];
    },
  };
}

/**
 * The sales as of the page version this isolate knows. Sales that have not started are kept too: salePriceOf checks
 * each window against `now`, and the start passes a schedule mark, so the next read after it is a new version anyway.
 */
export const shopSales = perPageVersion(readShopSales);

/** A product's price under the sales: the one rule for cards, product pages, carts and checkout. */
export function priceUnderSales(
  shop: ShopSales,
  price: Money,
  productId: string,
  categoryIds: readonly string[],
  now: number,
): SalePrice {
  return shop.sales.length === 0
    ? { price, compareAt: null, saleId: null }
    : salePriceOf(price, productId, categoryIds, shop.sales, now);
}

/**
 * A product card under the sales. A sale takes the same share off every variant and keeps their order, so the
 * cheapest variant's sale price is the card's "from" price, and the price before the sale is its struck-through one
 * (in place of a merchant's compare-at price, which a card then no longer shows).
 */
export function summaryUnderSales<T extends ProductSummary>(shop: ShopSales, p: T, now: number): T {
  if (shop.sales.length === 0) return p;
  const sale = priceUnderSales(shop, p.priceFrom, p.id, shop.ancestorsOfSlug(p.categorySlug), now);
  return sale.saleId ? { ...p, priceFrom: sale.price, compareAtFrom: sale.compareAt } : p;
}

/** Cards under the sales. */
export const summariesUnderSales = <T extends ProductSummary>(
  shop: ShopSales,
  items: T[],
  now: number,
): T[] => (shop.sales.length === 0 ? items : items.map((p) => summaryUnderSales(shop, p, now)));

/** A product page under the sales: its card, every variant's price, and its related products. */
export function detailUnderSales<T extends ProductDetail>(shop: ShopSales, p: T, now: number): T {
  if (shop.sales.length === 0) return p;
  const categoryIds = shop.ancestorsOfSlug(p.categorySlug);
  return {
    ...summaryUnderSales(shop, p, now),
    variants: p.variants.map((v) => {
      const sale = priceUnderSales(shop, v.price, p.id, categoryIds, now);
      return sale.saleId ? { ...v, price: sale.price, compareAt: sale.compareAt } : v;
    }),
    related: summariesUnderSales(shop, p.related, now),
  };
}
