/** The product CSV's shape (one row per variant, Shopify-like): its columns, list separator and size limits. */

/** Columns in export order. Import accepts them in any order; `handle` is required, every other one optional. */
export const CSV_COLUMNS = [
  'handle',
  'name',
  'description',
  'status',
  'category',
  'collections',
  'tags',
  'brand',
  'seo_title',
  'seo_description',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'sku',
  'price',
  'compare_at_price',
  'barcode',
  'weight_grams',
  'stock_on_hand',
  'image_urls',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Product-level columns: read from a handle's first row; later rows leave them blank or repeat them exactly. */
export const PRODUCT_COLUMNS = [
  'name',
  'description',
  'status',
  'category',
  'collections',
  'tags',
  'brand',
  'seo_title',
  'seo_description',
  'image_urls',
] as const satisfies readonly CsvColumn[];

/** Separator inside list cells (collections, tags, image URLs): commas are common inside tags and URLs. */
export const LIST_SEPARATOR = '|';

/** More data rows than this (header excluded) refuses the whole file. */
export const MAX_IMPORT_ROWS = 100_000;
/** Largest file accepted, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Row errors listed in a rejection; the total is always given. */
export const MAX_LISTED_ROW_ERRORS = 100;

/** One problem in one cell (or row, when `column` is null). Row 1 is the header; data starts at row 2. */
export interface CsvRowError {
  row: number;
  column: string | null;
  message: string;
}
