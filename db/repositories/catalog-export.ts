/** Reads for the CSV export: products (drafts included) a page at a time by slug, with all they carry. */
import type { Db } from '@db/client';
import { sql } from 'drizzle-orm';

export interface ExportProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: string;
  category: string;
  brand: string;
  tags: string;
  seoTitle: string;
  seoDescription: string;
  collections: string | null;
  images: string | null;
  options: string | null;
}

export interface ExportVariant {
  productId: string;
  sku: string;
  options: string;
  priceAmount: number;
  currency: string;
  compareAtAmount: number | null;
  barcode: string | null;
  weightGrams: number;
  onHand: number | null;
}

/** One page of products after `afterSlug`, in slug order, with their variants (in position order). */
export async function readExportPage(
  db: Db,
  afterSlug: string,
  limit: number,
): Promise<{ products: ExportProduct[]; variants: ExportVariant[] }> {
  const products = await db.all<ExportProduct>(sql`
    select p.id, p.slug, p.name, p.description, p.status, c.slug as category, p.brand, p.tags,
      p.seo_title as seoTitle, p.seo_description as seoDescription,
      (select json_group_array(slug) from (select co.slug from product_collections pc
        join collections co on co.id = pc.collection_id where pc.product_id = p.id order by co.slug)) as collections,
      (select json_group_array(url) from (select i.url from product_images i where i.product_id = p.id
        order by i.position, i.id)) as images,
      (select json_group_array(name) from (select o.name from product_options o where o.product_id = p.id
        order by o.position)) as options
    from products p join categories c on c.id = p.category_id
    where p.slug > ${afterSlug} order by p.slug limit ${limit}`);
  if (products.length === 0) return { products, variants: [] };
  const variants = await db.all<ExportVariant>(sql`
    select v.product_id as productId, v.sku, v.options, v.price_amount as priceAmount, v.currency,
      v.compare_at_amount as compareAtAmount, v.barcode, v.weight_grams as weightGrams, l.on_hand as onHand
    from product_variants v left join inventory_levels l on l.sku = v.sku
    where v.product_id in (select value from json_each(${JSON.stringify(products.map((p) => p.id))}))
    order by v.product_id, v.position, v.sku`);
  return { products, variants };
}
