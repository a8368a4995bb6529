/** The product detail use case shared by the product page and GET /api/products/{slug}. */
import type { Db } from '@db/client';
import { getProductBySlug, type ProductDetail } from '@db/repositories/catalog';
import type { Env } from '@worker/env';
import { detailUnderSales, shopSales } from '@worker/services/promotions/shop-sales';
import { describePlain, renderDescription } from './markdown';

/** A product as shoppers see it: the catalog row plus its description rendered to safe HTML. */
export type ProductView = ProductDetail & { descriptionHtml: string; summary: string };

/** The active product with this slug, description rendered, or null. */
export async function loadProductView(db: Db, slug: string): Promise<ProductView | null> {
  const product = await getProductBySlug(db, slug);
  return (
    product && {
      ...product,
      descriptionHtml: renderDescription(product.description),
      // What search results and link previews quote: the merchant's SEO description, else the description's start.
      summary: product.seoDescription || describePlain(product.description),
    }
  );
}

/** The product as the shop shows it at `now`: prices (its card, variants and related products) under today's sales. */
export async function loadShopProductView(
  env: Env,
  db: Db,
  slug: string,
  now: number,
): Promise<ProductView | null> {
  const [product, sales] = await Promise.all([loadProductView(db, slug), shopSales(env, now)]);
  return product && detailUnderSales(sales, product, now);
}
