/**
 * Report exports too long for one request (every product, variant or category that sold in a range, where the page
 * shows the top 100): a job on the REPORTS queue writes the CSV a page of keys at a time into the EXPORTS bucket and
 * records its progress here (worker/services/reports/exports.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const reportExports = sqliteTable(
  'report_exports',
  {
    id: text('id').primaryKey(),
    /** Which report (only 'products' so far) and its parameters as JSON ({ from, to, group }). */
    report: text('report', { enum: ['products'] }).notNull(),
    params: text('params').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** Keys to go through (counted at the start), keys gone through, CSV rows and parts written. */
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    rows: integer('rows').notNull().default(0),
    parts: integer('parts').notNull().default(0),
    /** The last key written (keyset for the next page); null before the first page. */
    cursor: text('cursor'),
    /** Who asked for it (staff id): only they and other report readers see it. */
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    index('report_exports_created_idx').on(t.createdAt),
    check(
      'report_exports_status',
      sql`${t.status} IN ('running', 'done', 'failed') AND ${t.report} IN ('products')`,
    ),
    check('report_exports_progress', sql`${t.done} >= 0 AND ${t.rows} >= 0 AND ${t.parts} >= 0`),
  ],
);
