/**
 * The FTS5 index over products (`product_search`, created and kept in step by migration 0004's triggers), described
 * for queries only. It lives outside db/schema on purpose: drizzle-kit cannot create virtual tables and would try to
 * make an ordinary one. `rank` is FTS5's bm25 score of the current MATCH (lower is better).
 */
import type { Db } from '@db/client';
import { products } from '@db/schema';
import {
  ftsMatchExpression,
  MATCH_CLOSE,
  MATCH_OPEN,
  matchSegments,
  type TextSegment,
} from '@domain/catalog/search-query';
import { eq, sql } from 'drizzle-orm';
import { integer, real, sqliteTable } from 'drizzle-orm/sqlite-core';

export const productSearch = sqliteTable('product_search', {
  rowid: integer('rowid').notNull(),
  rank: real('rank'),
});

/** A search suggestion: the product, and its name split into matched and plain runs. */
export interface ProductSuggestion {
  slug: string;
  name: string;
  nameSegments: TextSegment[];
}

/** Most suggestions one request may ask for. */
export const MAX_SUGGESTIONS = 10;

/**
 * Active products whose words start with every word of `q`, best first: bm25 with the name weighted 10, the brand 5
 * and the description 1, so a match in the name outranks one deep in a description.
 */
export async function suggestProducts(db: Db, q: string, limit: number): Promise<ProductSuggestion[]> {
  const match = ftsMatchExpression(q);
  if (match === null) return [];
  const rows = await db
    .select({
      slug: products.slug,
      name: products.name,
      marked: sql<string>`highlight(${productSearch}, 0, ${MATCH_OPEN}, ${MATCH_CLOSE})`,
    })
    .from(productSearch)
    .innerJoin(products, eq(sql`${products}.rowid`, productSearch.rowid))
    .where(sql`${productSearch} match ${match} and +${products.status} = 'active'`)
    .orderBy(sql`bm25(${productSearch}, 10.0, 5.0, 1.0)`)
    .limit(Math.max(1, Math.min(MAX_SUGGESTIONS, Math.trunc(limit))));
  return rows.map((r) => ({ slug: r.slug, name: r.name, nameSegments: matchSegments(r.marked) }));
}
