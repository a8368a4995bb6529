/**
 * The FTS5 index over products (`product_search`, created and kept in step by migration 0004's triggers), described
 * for queries only. It lives outside db/schema on purpose: drizzle-kit cannot create virtual tables and would try to
 * make an ordinary one. `rank` is FTS5's bm25 score of the current MATCH (lower is better).
 */
import { integer, real, sqliteTable } from 'drizzle-orm/sqlite-core';

export const productSearch = sqliteTable('product_search', {
  rowid: integer('rowid').notNull(),
  rank: real('rank'),
});
