/**
 * CSV imports of the catalog: one record per upload (its phase and progress, for the admin page to poll) and the
 * validated rows staged as JSON, which one batch of set-based statements then applies in a single transaction.
 */
import { IMPORT_STATUSES } from '@domain/catalog/csv-import-status';
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { isOneOf } from './checks';

/** One upload. `applied` and `conflicts` are guards the apply batch trips to roll itself back (see catalog-import.ts). */
export const catalogImports = sqliteTable(
  'catalog_imports',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    fileName: text('file_name').notNull().default(''),
    totalRows: integer('total_rows').notNull().default(0),
    /** Rows validated and staged so far: what a progress bar shows. */
    rowsDone: integer('rows_done').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** JSON: the first row errors of a rejected file, or the reason a failed one failed. */
    errors: text('errors'),
    /** JSON: created/updated products and variants, stock values set and ignored. */
    summary: text('summary'),
    /** Times the staged rows were applied: the CHECK makes a second apply roll back. */
    applied: integer('applied').notNull().default(0),
    /** SKUs that another product took between validation and apply: the CHECK makes the apply roll back. */
    conflicts: integer('conflicts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('catalog_imports_created_idx').on(t.createdAt),
    check('catalog_imports_status_check', isOneOf(t.status, IMPORT_STATUSES)),
    check('catalog_imports_applied_check', sql`${t.applied} <= 1`),
    check('catalog_imports_conflicts_check', sql`${t.conflicts} = 0`),
  ],
);

/** Validated rows waiting to be applied: `kind` product (by handle) or variant (by SKU), the plan entry as JSON. */
export const catalogImportRows = sqliteTable(
  'catalog_import_rows',
  {
    importId: text('import_id')
      .notNull()
      .references(() => catalogImports.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['product', 'variant'] }).notNull(),
    seq: integer('seq').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.kind, t.seq] })],
);
