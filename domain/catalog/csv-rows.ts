/**
 * Validates a parsed product CSV against the catalog's facts and turns it into an import plan: products by handle,
 * variants by SKU. Every row is checked and every problem reported (row, column, message); the plan is only
 * returned when there is none. A column missing from the file means "keep what the product has"; a blank cell in a
 * present column clears optional values (description, compare-at price, barcode, lists) on a handle's first row.
 */
import { PRODUCT_STATUSES, type ProductStatus } from '@domain/catalog/statuses';
import {
  type CsvColumn,
  type CsvRowError,
  LIST_SEPARATOR,
  MAX_LISTED_ROW_ERRORS,
  PRODUCT_COLUMNS,
} from './csv-columns';
import type { CsvTable } from './csv-parse';
import { parseCsvPrice } from './csv-price';
import { MAX_SKU_LENGTH, SKU_PATTERN } from './sku';
import { isSlug } from './slug';

/** What validation needs to know about the catalog (the service loads it for the file's handles and SKUs). */
export interface CsvCatalogFacts {
  /** The shop currency: prices are read in it. */
  currency: string;
  categories: ReadonlySet<string>;
  collections: ReadonlySet<string>;
  existingHandles: ReadonlySet<string>;
  /** SKU → handle of the product that has it today, for the SKUs in the file. */
  skuOwners: ReadonlyMap<string, string>;
}

/** A product to create or update; an absent field keeps the stored value (or the default, for a new product). */
export interface ImportProduct {
  handle: string;
  row: number;
  isNew: boolean;
  name?: string;
  description?: string;
  status?: ProductStatus;
  category?: string;
  brand?: string;
  seoTitle?: string;
  seoDescription?: string;
  tags?: string[];
  collections?: string[];
  images?: string[];
  options?: { name: string; values: string[] }[];
}

/** A variant to create or update by SKU; `null` clears a nullable column, absent keeps it. */
export interface ImportVariant {
  handle: string;
  sku: string;
  row: number;
  isNew: boolean;
  position: number;
  options?: Record<string, string>;
  size?: string | null;
  colour?: string | null;
  price?: number;
  compareAt?: number | null;
  barcode?: string | null;
  weightGrams?: number;
  stock?: number;
}

export interface ImportPlan {
  products: ImportProduct[];
  variants: ImportVariant[];
}

export type CsvValidation =
  | { ok: true; plan: ImportPlan }
  | { ok: false; errors: CsvRowError[]; errorCount: number };

const LIMITS = {
  name: 200,
  description: 20_000,
  brand: 100,
  seo_title: 200,
  seo_description: 400,
  tag: 50,
  tags: 50,
  images: 20,
  url: 2048,
  optionName: 40,
  optionValue: 60,
  barcode: 64,
  weight: 1_000_000,
  stock: 1_000_000,
} as const;

const OPTION_COLUMNS = [
  ['option1_name', 'option1_value'],
  ['option2_name', 'option2_value'],
  ['option3_name', 'option3_value'],
] as const;
const VARIANT_VALUE_COLUMNS: CsvColumn[] = [
  'price',
  'compare_at_price',
  'barcode',
  'weight_grams',
  'stock_on_hand',
  'option1_value',
  'option2_value',
  'option3_value',
];

/** The handles, SKUs, categories and collections a file names: what the service looks up before validating. */
export function lookupsOf(table: CsvTable) {
  const handles = new Set<string>();
  const skus = new Set<string>();
  for (const { cells } of table.rows) {
    if (cells.handle) handles.add(cells.handle);
    if (cells.sku) skus.add(cells.sku);
  }
  return { handles: [...handles], skus: [...skus] };
}

const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const isImageUrl = (u: string) =>
  u.length <= LIMITS.url && !/\s/.test(u) && (/^https?:\/\/[^/]+/i.test(u) || /^\/(?!\/)/.test(u));

const wholeNumber = (cell: string, max: number) =>
  /^\d+$/.test(cell) && Number(cell) <= max ? Number(cell) : null;

/** Validates every row; the plan when all are good, else every error (the first MAX_LISTED_ROW_ERRORS of them). */
export function validateCsvRows(table: CsvTable, facts: CsvCatalogFacts): CsvValidation {
  const errors: CsvRowError[] = [];
  let errorCount = 0;
  const report = (row: number, column: string | null, message: string) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ROW_ERRORS) errors.push({ row, column, message });
  };
  const has = (c: CsvColumn) => table.columns.has(c);
  const hasOptions = OPTION_COLUMNS.some(([n, v]) => has(n) || has(v));

  const products = new Map<string, ImportProduct & { cells: Partial<Record<CsvColumn, string>> }>();
  const optionNames = new Map<string, (string | null)[]>();
  const combos = new Map<string, Map<string, number>>();
  const skuRows = new Map<string, number>();
  const variants: ImportVariant[] = [];
  const byHandle = new Map<string, ImportVariant[]>();

  for (const { row, cells } of table.rows) {
    const handle = cells.handle ?? '';
    if (!isSlug(handle)) {
      report(
        row,
        'handle',
        handle ? 'must be lower-case letters, digits and single hyphens (at most 80)' : 'is required',
      );
      continue;
    }
    const first = products.get(handle);
    if (!first) {
      products.set(handle, { ...readProduct(handle, row, cells), cells });
    } else {
      for (const c of PRODUCT_COLUMNS) {
        const v = cells[c];
        if (v && v !== first.cells[c])
          report(row, c, `differs from row ${first.row}, this product's first row`);
      }
    }

    const sku = cells.sku ?? '';
    if (!sku) {
      for (const c of VARIANT_VALUE_COLUMNS)
        if (cells[c]) report(row, 'sku', `is required when ${c} is given`);
      continue;
    }
    if (sku.length > MAX_SKU_LENGTH || !SKU_PATTERN.test(sku)) {
      report(row, 'sku', `must be at most ${MAX_SKU_LENGTH} letters, digits, ".", "_" or "-"`);
      continue;
    }
    const dup = skuRows.get(sku);
    if (dup !== undefined) {
      report(row, 'sku', `"${sku}" is already on row ${dup}`);
      continue;
    }
    skuRows.set(sku, row);
    const owner = facts.skuOwners.get(sku);
    if (owner !== undefined && owner !== handle) report(row, 'sku', `"${sku}" belongs to product "${owner}"`);
    const isNew = owner === undefined;
    const variant: ImportVariant = {
      handle,
      sku,
      row,
      isNew,
      position: byHandle.get(handle)?.length ?? 0,
    };
    readVariantValues(variant, cells, has, isNew, facts.currency, report);
    if (hasOptions) readOptions(variant, cells, optionNames, combos, report);
    variants.push(variant);
    const siblings = byHandle.get(handle);
    if (siblings) siblings.push(variant);
    else byHandle.set(handle, [variant]);
  }

  for (const p of products.values()) checkProduct(p, facts, has, report);
  const plan: ImportPlan = {
    products: [...products.values()].map(({ cells: _, ...p }) => ({
      ...p,
      ...optionsOf(p.handle, byHandle, optionNames),
    })),
    variants,
  };
  if (!hasOptions) for (const p of plan.products) delete p.options;
  return errorCount > 0 ? { ok: false, errors, errorCount } : { ok: true, plan };

  function readProduct(
    handle: string,
    row: number,
    cells: Partial<Record<CsvColumn, string>>,
  ): ImportProduct {
    const p: ImportProduct = { handle, row, isNew: !facts.existingHandles.has(handle) };
    const text = (c: CsvColumn, max: number) => {
      const v = cells[c];
      if (v === undefined) return undefined;
      if (v.length > max) report(row, c, `is longer than ${max} characters`);
      return v;
    };
    p.name = text('name', LIMITS.name) || undefined;
    p.description = text('description', LIMITS.description);
    p.brand = text('brand', LIMITS.brand);
    p.seoTitle = text('seo_title', LIMITS.seo_title);
    p.seoDescription = text('seo_description', LIMITS.seo_description);
    if (cells.status) {
      if ((PRODUCT_STATUSES as readonly string[]).includes(cells.status))
        p.status = cells.status as ProductStatus;
      else report(row, 'status', `must be one of ${PRODUCT_STATUSES.join(', ')}`);
    }
    if (cells.category) p.category = cells.category;
    if (cells.tags !== undefined) p.tags = [...new Set(splitList(cells.tags))];
    if (cells.collections !== undefined) p.collections = [...new Set(splitList(cells.collections))];
    if (cells.image_urls !== undefined) p.images = [...new Set(splitList(cells.image_urls))];
    return p;
  }
}

function checkProduct(
  p: ImportProduct,
  facts: CsvCatalogFacts,
  has: (c: CsvColumn) => boolean,
  report: (row: number, column: string | null, message: string) => void,
) {
  if (p.isNew && !p.name) report(p.row, 'name', 'is required for a new product');
  else if (has('name') && !p.name) report(p.row, 'name', 'must not be blank');
  if (p.category !== undefined && !facts.categories.has(p.category)) {
    report(p.row, 'category', `no category has the slug "${p.category}"`);
  } else if (p.category === undefined && (p.isNew || has('category'))) {
    report(p.row, 'category', p.isNew ? 'is required for a new product' : 'must not be blank');
  }
  for (const slug of p.collections ?? []) {
    if (!facts.collections.has(slug)) report(p.row, 'collections', `no collection has the slug "${slug}"`);
  }
  if (p.tags && p.tags.length > LIMITS.tags) report(p.row, 'tags', `has more than ${LIMITS.tags} tags`);
  for (const t of p.tags ?? []) {
    if (t.length > LIMITS.tag) report(p.row, 'tags', `tag "${t.slice(0, 20)}…" is longer than ${LIMITS.tag}`);
  }
  if (p.images && p.images.length > LIMITS.images)
    report(p.row, 'image_urls', `has more than ${LIMITS.images} images`);
  for (const u of p.images ?? []) {
    if (!isImageUrl(u)) report(p.row, 'image_urls', `"${u.slice(0, 60)}" is not an http(s) URL or a /path`);
  }
}

function readVariantValues(
  v: ImportVariant,
  cells: Partial<Record<CsvColumn, string>>,
  has: (c: CsvColumn) => boolean,
  isNew: boolean,
  currency: string,
  report: (row: number, column: string | null, message: string) => void,
) {
  const price = cells.price ?? '';
  if (price) {
    const parsed = parseCsvPrice(price, currency);
    if (parsed.ok) v.price = parsed.amount;
    else report(v.row, 'price', parsed.message);
  } else if (isNew) report(v.row, 'price', 'is required for a new SKU');
  else if (has('price')) report(v.row, 'price', 'must not be blank');
  if (has('compare_at_price')) {
    const cell = cells.compare_at_price ?? '';
    if (!cell) v.compareAt = null;
    else {
      const parsed = parseCsvPrice(cell, currency);
      if (parsed.ok) v.compareAt = parsed.amount;
      else report(v.row, 'compare_at_price', parsed.message);
    }
  }
  if (has('barcode')) {
    const cell = cells.barcode ?? '';
    if (cell.length > LIMITS.barcode || !/^[\x21-\x7E]*$/.test(cell)) {
      report(v.row, 'barcode', `must be at most ${LIMITS.barcode} printable ASCII characters`);
    }
    v.barcode = cell || null;
  }
  if (cells.weight_grams) {
    const w = wholeNumber(cells.weight_grams, LIMITS.weight);
    if (w === null) report(v.row, 'weight_grams', `must be a whole number of grams up to ${LIMITS.weight}`);
    else v.weightGrams = w;
  } else if (has('weight_grams')) v.weightGrams = 0;
  if (cells.stock_on_hand) {
    const s = wholeNumber(cells.stock_on_hand, LIMITS.stock);
    if (s === null) report(v.row, 'stock_on_hand', `must be a whole number from 0 to ${LIMITS.stock}`);
    else v.stock = s;
  }
}

function readOptions(
  v: ImportVariant,
  cells: Partial<Record<CsvColumn, string>>,
  optionNames: Map<string, (string | null)[]>,
  combos: Map<string, Map<string, number>>,
  report: (row: number, column: string | null, message: string) => void,
) {
  let names = optionNames.get(v.handle);
  const firstVariant = !names;
  if (!names) {
    names = OPTION_COLUMNS.map(([n]) => cells[n] || null);
    optionNames.set(v.handle, names);
    const given = names.filter((n): n is string => n !== null);
    const lower = given.map((n) => n.toLowerCase());
    if (new Set(lower).size !== lower.length) report(v.row, 'option1_name', 'option names must differ');
    names.forEach((n, i) => {
      if (n && n.length > LIMITS.optionName)
        report(v.row, OPTION_COLUMNS[i]![0], `is longer than ${LIMITS.optionName}`);
    });
  }
  const options: Record<string, string> = {};
  OPTION_COLUMNS.forEach(([nameCol, valueCol], i) => {
    const name = names[i];
    const given = cells[nameCol] ?? '';
    const value = cells[valueCol] ?? '';
    if (!firstVariant && given && given !== name) {
      report(
        v.row,
        nameCol,
        name
          ? `must be "${name}" as on the product's first variant row`
          : "is not on the product's first variant row",
      );
    }
    if (name && !value) report(v.row, valueCol, `is required: the product has the option "${name}"`);
    else if (!name && value) report(v.row, nameCol, `is required when ${valueCol} is given`);
    else if (name && value) {
      if (value.length > LIMITS.optionValue) report(v.row, valueCol, `is longer than ${LIMITS.optionValue}`);
      options[name] = value;
    }
  });
  const key = JSON.stringify(Object.values(options));
  const seen = combos.get(v.handle) ?? new Map<string, number>();
  combos.set(v.handle, seen);
  const other = seen.get(key);
  if (other !== undefined) report(v.row, 'sku', `has the same options as row ${other} of this product`);
  else seen.set(key, v.row);
  v.options = options;
  const pick = (...wanted: string[]) =>
    Object.entries(options).find(([n]) => wanted.includes(n.toLowerCase()))?.[1] ?? null;
  v.size = pick('size');
  v.colour = pick('colour', 'color');
}

/** A product's option types from its variant rows: names from the first variant row, values in order of appearance. */
function optionsOf(
  handle: string,
  byHandle: Map<string, ImportVariant[]>,
  optionNames: Map<string, (string | null)[]>,
) {
  const names = (optionNames.get(handle) ?? []).filter((n): n is string => n !== null);
  const values = names.map(() => new Set<string>());
  for (const v of byHandle.get(handle) ?? []) {
    if (!v.options) continue;
    names.forEach((n, i) => {
      const value = v.options![n];
      if (value !== undefined) values[i]!.add(value);
    });
  }
  return { options: names.map((name, i) => ({ name, values: [...values[i]!] })) };
}
