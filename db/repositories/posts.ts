/** Blog posts for the back office: reads, product references, and the statements of their writes. */
import type { Db } from '@db/client';
import { postProducts, posts, postTags, products, productVariants } from '@db/schema';
import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';

export type PostRow = typeof posts.$inferSelect;

/** A post with its tags and its related products (ids, slugs and names, in the editor's order). */
export interface PostWithLinks extends PostRow {
  tags: string[];
  products: { id: string; slug: string; name: string }[];
}

/** Every post for the back-office list, newest first (drafts without a date by last change). */
export async function listAllPosts(
  db: Db,
): Promise<Pick<PostRow, 'id' | 'slug' | 'title' | 'authorName' | 'status' | 'publishedAt' | 'updatedAt'>[]> {
  return db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      authorName: posts.authorName,
      status: posts.status,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
    })
    .from(posts)
    .orderBy(desc(posts.updatedAt), asc(posts.id))
    .limit(1000);
}

export async function findPost(db: Db, id: string): Promise<PostWithLinks | null> {
  const [rows, tagRows, productRows] = await db.batch([
    db.select().from(posts).where(eq(posts.id, id)).limit(1),
    db.select({ tag: postTags.tag }).from(postTags).where(eq(postTags.postId, id)).orderBy(asc(postTags.tag)),
    db
      .select({ id: products.id, slug: products.slug, name: products.name })
      .from(postProducts)
      .innerJoin(products, eq(products.id, postProducts.productId))
      .where(eq(postProducts.postId, id))
      .orderBy(asc(postProducts.position)),
  ]);
  const row = rows[0];
  return row ? { ...row, tags: tagRows.map((t) => t.tag), products: productRows } : null;
}

export async function findPostIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).limit(1);
  return row?.id ?? null;
}

/** Which product each reference names, by id, slug or SKU (a reference may match by any of the three). */
export async function resolveProductRefs(db: Db, refs: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (refs.length === 0) return found;
  const list = [...refs];
  const [byProduct, bySku] = await db.batch([
    db
      .select({ id: products.id, slug: products.slug })
      .from(products)
      .where(or(inArray(products.id, list), inArray(products.slug, list))),
    db
      .select({ id: productVariants.productId, sku: productVariants.sku })
      .from(productVariants)
      .where(inArray(productVariants.sku, list)),
  ]);
  for (const p of byProduct) {
    found.set(p.id, p.id);
    found.set(p.slug, p.id);
  }
  for (const v of bySku) found.set(v.sku, v.id);
  return found;
}

/** The post's tag and product rows, replacing whatever it had. */
function linkStatements(db: Db, id: string, tags: readonly string[], productIds: readonly string[]) {
  const out: BatchItem<'sqlite'>[] = [
    db.delete(postTags).where(eq(postTags.postId, id)),
    db.delete(postProducts).where(eq(postProducts.postId, id)),
  ];
  if (tags.length) out.push(db.insert(postTags).values(tags.map((tag) => ({ postId: id, tag }))));
  if (productIds.length)
    out.push(
      db
        .insert(postProducts)
        .values(productIds.map((productId, position) => ({ postId: id, productId, position }))),
    );
  return out;
}

export function insertPostStatements(db: Db, row: PostRow, tags: string[], productIds: string[]) {
  return [db.insert(posts).values(row), ...linkStatements(db, row.id, tags, productIds).slice(2)];
}

export function updatePostStatements(db: Db, row: PostRow, tags: string[], productIds: string[]) {
  const { id, ...fields } = row;
  return [db.update(posts).set(fields).where(eq(posts.id, id)), ...linkStatements(db, id, tags, productIds)];
}

/** Deleting a post removes its tags and product links with it (foreign keys cascade). */
export const deletePostStatement = (db: Db, id: string) => db.delete(posts).where(eq(posts.id, id));
