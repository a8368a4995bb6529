/**
 * CSV import and export of the catalog in SQL. Imports: the facts validation needs, the import record (phase and
 * progress), validated rows staged as JSON in chunks (one bound parameter each, under D1's 100-parameter and 2 MB
 * value limits), and the apply: one batch of set-based statements (INSERT … SELECT json_extract(…) FROM staging,
 * UPDATE … FROM) that D1 and libSQL run as a single transaction, so an import lands whole or not at all.
 */
import type { Db } from '@db/client';
import { catalogImports, categories, collections } from '@db/schema';
import { sqlLiteral } from '@db/sql-literal';
import type { ImportStatus } from '@domain/catalog/csv-import-status';
import { desc, eq, sql } from 'drizzle-orm';

export type CatalogImport = typeof catalogImports.$inferSelect;

/** Staged JSON per chunk: well under D1's 2 MB value limit. */
const STAGE_CHUNK_BYTES = 512 * 1024;

/** Category and collection slugs, the handles that exist, and who owns each SKU: for the file's handles and SKUs. */
export async function loadCsvFacts(db: Db, lookups: { handles: string[]; skus: string[] }) {
  const [cats, cols, handles, owners] = await Promise.all([
    db.select({ slug: categories.slug }).from(categories),
    db.select({ slug: collections.slug }).from(collections),
    db.all<{ slug: string }>(
      sql`select slug from products where slug in (select value from json_each(${JSON.stringify(lookups.handles)}))`,
    ),
    db.all<{ sku: string; slug: string }>(
      sql`select v.sku, p.slug from product_variants v join products p on p.id = v.product_id
          where v.sku in (select value from json_each(${JSON.stringify(lookups.skus)}))`,
    ),
  ]);
  return {
    categories: new Set(cats.map((c) => c.slug)),
    collections: new Set(cols.map((c) => c.slug)),
    existingHandles: new Set(handles.map((h) => h.slug)),
    skuOwners: new Map(owners.map((o) => [o.sku, o.slug])),
  };
}

export async function createImport(
  db: Db,
  v: { id: string; staffId: string; fileName: string; totalRows: number; now: number },
): Promise<void> {
  await db.insert(catalogImports).values({
    id: v.id,
    staffId: v.staffId,
    status: 'validating',
    fileName: v.fileName,
    totalRows: v.totalRows,
    createdAt: v.now,
    updatedAt: v.now,
  });
}

export async function setImportProgress(
  db: Db,
  id: string,
  v: { status: ImportStatus; rowsDone?: number; errorCount?: number; errors?: unknown; now: number },
): Promise<void> {
  await db
    .update(catalogImports)
    .set({
      status: v.status,
      updatedAt: v.now,
      ...(v.rowsDone !== undefined ? { rowsDone: v.rowsDone } : {}),
      ...(v.errorCount !== undefined ? { errorCount: v.errorCount } : {}),
      ...(v.errors !== undefined ? { errors: JSON.stringify(v.errors) } : {}),
    })
    .where(eq(catalogImports.id, id));
}

export async function findImport(db: Db, id: string): Promise<CatalogImport | undefined> {
  const [row] = await db.select().from(catalogImports).where(eq(catalogImports.id, id));
  return row;
}

export async function listImports(db: Db, limit: number): Promise<CatalogImport[]> {
  return db.select().from(catalogImports).orderBy(desc(catalogImports.createdAt)).limit(limit);
}

/**
 * Stages `items` (plan entries) of one kind, in chunks of about STAGE_CHUNK_BYTES; `onChunk` hears how many are
 * staged so far (the import's progress).
 */
export async function stageImportRows(
  db: Db,
  importId: string,
  kind: 'product' | 'variant',
  items: readonly unknown[],
  onChunk: (staged: number) => Promise<void>,
): Promise<void> {
  let chunk: string[] = [];
  let bytes = 0;
  let start = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await db.run(
      sql`insert into catalog_import_rows (import_id, kind, seq, data)
          select ${importId}, ${kind}, ${start} + key, value from json_each(${`[${chunk.join(',')}]`})`,
    );
    start += chunk.length;
    chunk = [];
    bytes = 0;
    await onChunk(start);
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    if (bytes + json.length > STAGE_CHUNK_BYTES) await flush();
    chunk.push(json);
    bytes += json.length;
  }
  await flush();
}

const lit = sqlLiteral;

const P = (id: string) =>
  sql`select seq, data from catalog_import_rows where import_id = ${lit(id)} and kind = 'product'`;
const V = (id: string) =>
  sql`select seq, data from catalog_import_rows where import_id = ${lit(id)} and kind = 'variant'`;
/** Products of the import that have `key` in their staged JSON (the column was in the file). */
const productsWith = (id: string, key: string) =>
  sql`select p.id from (${P(id)}) r join products p on p.slug = json_extract(r.data, '$.handle')
      where json_type(r.data, ${lit(`$.${key}`)}) is not null`;

/**
 * The apply batch. Guards first: a SKU another product took since validation sets `conflicts`, and a second apply
 * of the same import pushes `applied` past 1; either CHECK fails and the whole batch rolls back. Then stock for new
 * SKUs (before their variants exist, so the ledger and the trigger-kept in_stock agree), products, option types,
 * collections, images and variants; rows that would not change are not written (no FTS or version churn).
 */
export function applyImportStatements(
  db: Db,
  v: { id: string; staffId: string; currency: string; now: number },
) {
  const id = v.id;
  const now = lit(v.now);
  const I = lit(v.id);
  const currency = lit(v.currency);
  const handleOf = sql`json_extract(r.data, '$.handle')`;
  const skuOf = sql`json_extract(r.data, '$.sku')`;
  const newSku = sql`not exists (select 1 from product_variants x where x.sku = ${skuOf})`;
  const withStock = sql`json_extract(r.data, '$.stock') is not null`;
  return [
    db.run(sql`update catalog_imports set status = 'applying', updated_at = ${now},
      conflicts = (select count(*) from (${V(id)}) r join product_variants x on x.sku = ${skuOf}
        join products p on p.id = x.product_id where p.slug <> ${handleOf}),
      summary = json_object(
        'createdProducts', (select count(*) from (${P(id)}) r where not exists (select 1 from products p where p.slug = ${handleOf})),
        'updatedProducts', (select count(*) from (${P(id)}) r where exists (select 1 from products p where p.slug = ${handleOf})),
        'createdVariants', (select count(*) from (${V(id)}) r where ${newSku}),
        'updatedVariants', (select count(*) from (${V(id)}) r where not ${newSku}),
        'stockSet', (select count(*) from (${V(id)}) r where ${withStock} and ${newSku}
          and not exists (select 1 from inventory_levels l where l.sku = ${skuOf})),
        'stockIgnored', (select count(*) from (${V(id)}) r where ${withStock} and (not ${newSku}
          or exists (select 1 from inventory_levels l where l.sku = ${skuOf}))))
      where id = ${I}`),
    db.run(sql`insert into stock_movements (id, sku, delta, reason, reference, staff_id, note, created_at)
      select json_extract(r.data, '$.movementId'), ${skuOf}, json_extract(r.data, '$.stock'), 'adjustment', ${I},
        ${lit(v.staffId)}, 'Initial stock from a CSV import', ${now}
      from (${V(id)}) r where ${withStock} and ${newSku}
        and not exists (select 1 from inventory_levels l where l.sku = ${skuOf})`),
    db.run(sql`insert into inventory_levels (sku, on_hand, updated_at)
      select ${skuOf}, json_extract(r.data, '$.stock'), ${now} from (${V(id)}) r where ${withStock} and ${newSku}
      on conflict (sku) do nothing`),
    db.run(sql`insert into products (id, slug, name, description, category_id, status, brand, tags, seo_title,
        seo_description, created_at, updated_at)
      select json_extract(r.data, '$.id'), ${handleOf}, json_extract(r.data, '$.name'),
        coalesce(json_extract(r.data, '$.description'), ''),
        (select c.id from categories c where c.slug = json_extract(r.data, '$.category')),
        coalesce(json_extract(r.data, '$.status'), 'draft'), coalesce(json_extract(r.data, '$.brand'), ''),
        coalesce(json_extract(r.data, '$.tags'), '[]'), coalesce(json_extract(r.data, '$.seoTitle'), ''),
        coalesce(json_extract(r.data, '$.seoDescription'), ''), ${now}, ${now}
      from (${P(id)}) r where not exists (select 1 from products p where p.slug = ${handleOf}) order by r.seq`),
    db.run(sql`update products set name = s.name, description = s.description, category_id = s.category_id,
        status = s.status, brand = s.brand, tags = s.tags, seo_title = s.seo_title,
        seo_description = s.seo_description, updated_at = ${now}
      from (select p.id as pid,
          coalesce(json_extract(r.data, '$.name'), p.name) as name,
          coalesce(json_extract(r.data, '$.description'), p.description) as description,
          case when json_extract(r.data, '$.category') is null then p.category_id
            else (select c.id from categories c where c.slug = json_extract(r.data, '$.category')) end as category_id,
          coalesce(json_extract(r.data, '$.status'), p.status) as status,
          coalesce(json_extract(r.data, '$.brand'), p.brand) as brand,
          coalesce(json_extract(r.data, '$.tags'), p.tags) as tags,
          coalesce(json_extract(r.data, '$.seoTitle'), p.seo_title) as seo_title,
          coalesce(json_extract(r.data, '$.seoDescription'), p.seo_description) as seo_description
        from (${P(id)}) r join products p on p.slug = ${handleOf}) as s
      where products.id = s.pid and (products.name, products.description, products.category_id, products.status,
        products.brand, products.tags, products.seo_title, products.seo_description) is not
        (s.name, s.description, s.category_id, s.status, s.brand, s.tags, s.seo_title, s.seo_description)`),
    // Option types: replaced where the file has option columns and they differ.
    db.run(sql`delete from product_options where product_id in (${productsWith(id, 'options')})
      and (product_id, position, name, "values") not in (
        select p.id, o.key, json_extract(o.value, '$.name'), json_extract(o.value, '$.values')
        from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.options') o)`),
    db.run(sql`insert into product_options (product_id, position, name, "values")
      select p.id, o.key, json_extract(o.value, '$.name'), json_extract(o.value, '$.values')
      from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.options') o
      where true on conflict (product_id, position) do nothing`),
    // Collections: exactly the listed ones, where the file has the column.
    db.run(sql`delete from product_collections where product_id in (${productsWith(id, 'collections')})
      and (product_id, collection_id) not in (select p.id, c.id from (${P(id)}) r join products p on p.slug = ${handleOf},
        json_each(r.data, '$.collections') j join collections c on c.slug = j.value)`),
    db.run(sql`insert into product_collections (collection_id, product_id, position)
      select c.id, p.id, coalesce((select max(pc.position) + 1 from product_collections pc where pc.collection_id = c.id), 0)
      from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.collections') j
        join collections c on c.slug = j.value
      where true on conflict do nothing`),
    // Images by URL: unlisted ones go, new ones come, and the order follows the file.
    db.run(sql`delete from product_images where product_id in (${productsWith(id, 'images')})
      and (product_id, url) not in (select p.id, json_extract(j.value, '$.url')
        from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.images') j)`),
    db.run(sql`insert into product_images (id, product_id, url, alt, position)
      select json_extract(j.value, '$.id'), p.id, json_extract(j.value, '$.url'), '', j.key
      from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.images') j
      where not exists (select 1 from product_images i where i.product_id = p.id
        and i.url = json_extract(j.value, '$.url'))`),
    db.run(sql`update product_images set position = s.pos
      from (select p.id as pid, json_extract(j.value, '$.url') as url, j.key as pos
        from (${P(id)}) r join products p on p.slug = ${handleOf}, json_each(r.data, '$.images') j) as s
      where product_images.product_id = s.pid and product_images.url = s.url and product_images.position <> s.pos`),
    db.run(sql`update product_variants set image_id = null where image_id is not null
      and product_id in (${productsWith(id, 'images')})
      and image_id not in (select i.id from product_images i where i.product_id = product_variants.product_id)`),
    db.run(sql`insert into product_variants (id, sku, product_id, options, size, colour, barcode, price_amount,
        currency, compare_at_amount, weight_grams, position)
      select json_extract(r.data, '$.id'), ${skuOf}, (select p.id from products p where p.slug = ${handleOf}),
        coalesce(json_extract(r.data, '$.options'), '{}'), json_extract(r.data, '$.size'),
        json_extract(r.data, '$.colour'), json_extract(r.data, '$.barcode'), json_extract(r.data, '$.price'),
        ${currency}, json_extract(r.data, '$.compareAt'), coalesce(json_extract(r.data, '$.weightGrams'), 0),
        json_extract(r.data, '$.position')
      from (${V(id)}) r where ${newSku} order by r.seq`),
    db.run(sql`update product_variants set options = s.options, size = s.size, colour = s.colour,
        barcode = s.barcode, price_amount = s.price, currency = ${currency}, compare_at_amount = s.compare_at,
        weight_grams = s.weight, position = s.position
      from (select x.id as vid,
          coalesce(json_extract(r.data, '$.options'), x.options) as options,
          case when json_type(r.data, '$.size') is null then x.size else json_extract(r.data, '$.size') end as size,
          case when json_type(r.data, '$.colour') is null then x.colour else json_extract(r.data, '$.colour') end as colour,
          case when json_type(r.data, '$.barcode') is null then x.barcode else json_extract(r.data, '$.barcode') end as barcode,
          coalesce(json_extract(r.data, '$.price'), x.price_amount) as price,
          case when json_type(r.data, '$.compareAt') is null then x.compare_at_amount
            else json_extract(r.data, '$.compareAt') end as compare_at,
          coalesce(json_extract(r.data, '$.weightGrams'), x.weight_grams) as weight,
          json_extract(r.data, '$.position') as position
        from (${V(id)}) r join product_variants x on x.sku = ${skuOf}) as s
      where product_variants.id = s.vid and (product_variants.options, product_variants.size, product_variants.colour,
        product_variants.barcode, product_variants.price_amount, product_variants.currency,
        product_variants.compare_at_amount, product_variants.weight_grams, product_variants.position) is not
        (s.options, s.size, s.colour, s.barcode, s.price, ${currency}, s.compare_at, s.weight, s.position)`),
    db.run(sql`update catalog_imports set status = 'applied', applied = applied + 1, rows_done = total_rows,
      updated_at = ${now} where id = ${I}`),
    db.run(sql`delete from catalog_import_rows where import_id = ${I}`),
  ] as const;
}

/** Drops an import's staged rows (after a failed apply). */
export async function dropStagedRows(db: Db, importId: string): Promise<void> {
  await db.run(sql`delete from catalog_import_rows where import_id = ${importId}`);
}
