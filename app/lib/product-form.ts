/**
 * The product editor's form, without JavaScript: what the page shows (a draft of strings), how a posted form becomes
 * a draft again, how "Generate variants" rebuilds the variant table from the option types (keeping entered variants),
 * and how a draft becomes a ProductInput with field errors keyed by the form's own field names.
 */
import { ProductInput } from '@domain/catalog/product-input';
import { generateVariantMatrix, type VariantDraft } from '@domain/catalog/variant-matrix';

export const OPTION_ROWS = 3;
export const MIN_ATTRIBUTE_ROWS = 3;

export interface VariantRow {
  id: string;
  options: Record<string, string>;
  sku: string;
  price: string;
  compareAt: string;
  barcode: string;
  weight: string;
}

export interface ProductDraft {
  name: string;
  slug: string;
  description: string;
  status: string;
  categoryId: string;
  collectionIds: string[];
  tags: string;
  brand: string;
  taxCategory: string;
  seoTitle: string;
  seoDescription: string;
  attributes: { name: string; value: string }[];
  options: { name: string; values: string }[];
  variants: VariantRow[];
}

/** Field errors keyed by form field name (`name`, `option_0`, `variant_2_price`…). */
export type FieldErrors = Record<string, string>;

function splitList(s: string) {
  return s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** 1250 → "12.50". */
export const minorToDecimal = (n: number | null) => (n === null ? '' : (n / 100).toFixed(2));

/** "12.5" → 1250; "" → null; anything else → NaN. */
export function decimalToMinor(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!t) return null;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function padRows<T>(rows: T[], min: number, empty: () => T) {
  const out = [...rows];
  while (out.length < min) out.push(empty());
  return out;
}

export function emptyDraft(categoryId = ''): ProductDraft {
  return {
    name: '',
    slug: '',
    description: '',
    status: 'draft',
    categoryId,
    collectionIds: [],
    tags: '',
    brand: '',
    taxCategory: 'standard',
    seoTitle: '',
    seoDescription: '',
    attributes: padRows([], MIN_ATTRIBUTE_ROWS, () => ({ name: '', value: '' })),
    options: padRows([], OPTION_ROWS, () => ({ name: '', values: '' })),
    variants: [],
  };
}

/** The editor's draft of a saved product. */
export function draftFromProduct(p: {
  name: string;
  slug: string;
  description: string;
  status: string;
  categoryId: string;
  collectionIds: string[];
  tags: string[];
  brand: string;
  taxCategory: string;
  seoTitle: string;
  seoDescription: string;
  attributes: { name: string; value: string }[];
  options: { name: string; values: string[] }[];
  variants: {
    id: string;
    options: Record<string, string>;
    sku: string;
    price: number;
    compareAt: number | null;
    barcode: string | null;
    weightGrams: number;
  }[];
}): ProductDraft {
  return {
    ...p,
    tags: p.tags.join(', '),
    attributes: padRows(
      p.attributes.map((a) => ({ ...a })),
      p.attributes.length + 1,
      () => ({ name: '', value: '' }),
    ),
    options: padRows(
      p.options.map((o) => ({ name: o.name, values: o.values.join(', ') })),
      OPTION_ROWS,
      () => ({ name: '', values: '' }),
    ),
    variants: p.variants.map((v) => ({
      id: v.id,
      options: v.options,
      sku: v.sku,
      price: minorToDecimal(v.price),
      compareAt: minorToDecimal(v.compareAt),
      barcode: v.barcode ?? '',
      weight: String(v.weightGrams),
    })),
  };
}

function str(data: Record<string, unknown>, key: string) {
  const v = data[key];
  return typeof v === 'string' ? v : '';
}

function parseOptions(raw: string): Record<string, string> {
  try {
    const o = JSON.parse(raw) as unknown;
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
    }
  } catch {
    // A tampered field: no options.
  }
  return {};
}

/** A posted editor form as a draft (unknown fields ignored; counts bounded). */
export function draftFromForm(data: Record<string, unknown>): ProductDraft {
  const attrCount = Math.min(Number(str(data, 'attributeCount')) || 0, 60);
  const variantCount = Math.min(Number(str(data, 'variantCount')) || 0, 200);
  const collections = data['collectionIds[]'] ?? data.collectionIds;
  const attributes = Array.from({ length: attrCount }, (_, i) => ({
    name: str(data, `attribute_${i}_name`),
    value: str(data, `attribute_${i}_value`),
  })).filter((a) => a.name.trim() || a.value.trim());
  return {
    name: str(data, 'name'),
    slug: str(data, 'slug'),
    description: str(data, 'description'),
    status: str(data, 'status'),
    categoryId: str(data, 'categoryId'),
    collectionIds: (Array.isArray(collections) ? collections : []).filter(
      (c): c is string => typeof c === 'string',
    ),
    tags: str(data, 'tags'),
    brand: str(data, 'brand'),
    taxCategory: str(data, 'taxCategory') || 'standard',
    seoTitle: str(data, 'seoTitle'),
    seoDescription: str(data, 'seoDescription'),
    attributes: padRows(attributes, attributes.length + 1, () => ({ name: '', value: '' })),
    options: Array.from({ length: OPTION_ROWS }, (_, i) => ({
      name: str(data, `option_${i}_name`),
      values: str(data, `option_${i}_values`),
    })),
    variants: Array.from({ length: variantCount }, (_, i) => ({
      id: str(data, `variant_${i}_id`),
      options: parseOptions(str(data, `variant_${i}_options`)),
      sku: str(data, `variant_${i}_sku`),
      price: str(data, `variant_${i}_price`),
      compareAt: str(data, `variant_${i}_compareAt`),
      barcode: str(data, `variant_${i}_barcode`),
      weight: str(data, `variant_${i}_weight`),
    })),
  };
}

function usedOptions(d: ProductDraft) {
  return d.options
    .filter((o) => o.name.trim())
    .map((o) => ({ name: o.name.trim(), values: splitList(o.values) }));
}

/** "Generate variants": the draft with its variant table rebuilt from the option types. */
export function withGeneratedVariants(d: ProductDraft, takenSkus: string[] = []): ProductDraft {
  const existing: VariantDraft[] = d.variants.map((v) => ({
    ...(v.id ? { id: v.id } : {}),
    options: v.options,
    sku: v.sku,
    price: decimalToMinor(v.price) || 0,
    compareAt: decimalToMinor(v.compareAt) || null,
    barcode: v.barcode || null,
    weightGrams: Number(v.weight) || 0,
  }));
  const matrix = generateVariantMatrix({
    productName: d.name,
    options: usedOptions(d),
    existing,
    takenSkus,
  });
  return {
    ...d,
    variants: matrix.map((v) => ({
      id: v.id ?? '',
      options: v.options,
      sku: v.sku,
      price: minorToDecimal(v.price),
      compareAt: minorToDecimal(v.compareAt),
      barcode: v.barcode ?? '',
      weight: String(v.weightGrams),
    })),
  };
}

/** A schema path (`variants.2.price`, `options.0.values`) as the form field it belongs to. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, index, rawField] = path;
  const field = rawField === undefined ? undefined : String(rawField);
  if (head === 'variants' && typeof index === 'number') {
    const f = field === 'weightGrams' ? 'weight' : field === 'options' || !field ? 'sku' : field;
    return `variant_${index}_${f}`;
  }
  if (head === 'variants' && index === 'sku') return 'variants';
  if (head === 'options' && typeof index === 'number') return `option_${index}_${field ?? 'name'}`;
  if (head === 'attributes' && typeof index === 'number') return `attribute_${index}_${field ?? 'name'}`;
  return String(head ?? 'form');
}

/** The draft as a checked ProductInput, or the field errors. */
export function inputFromDraft(
  d: ProductDraft,
): { ok: true; input: ProductInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  function money(s: string, key: string, nullable: boolean) {
    const n = decimalToMinor(s);
    if (n === null && !nullable) errors[key] = 'Enter a price, like 12.50.';
    else if (Number.isNaN(n)) errors[key] = 'Enter an amount like 12.50.';
    return n;
  }
  const options = d.options
    .map((o, i) => ({ row: i, name: o.name.trim(), values: splitList(o.values) }))
    .filter((o) => o.name || o.values.length);
  const raw = {
    name: d.name,
    slug: d.slug.trim(),
    description: d.description,
    status: d.status,
    categoryId: d.categoryId,
    brand: d.brand,
    taxCategory: d.taxCategory,
    collectionIds: d.collectionIds,
    tags: splitList(d.tags),
    attributes: d.attributes.filter((a) => a.name.trim() || a.value.trim()),
    seoTitle: d.seoTitle,
    seoDescription: d.seoDescription,
    options: options.map(({ name, values }) => ({ name, values })),
    variants: d.variants.map((v, i) => ({
      ...(v.id ? { id: v.id } : {}),
      options: v.options,
      sku: v.sku.trim(),
      price: money(v.price, `variant_${i}_price`, false) ?? 0,
      compareAt: money(v.compareAt, `variant_${i}_compareAt`, true),
      barcode: v.barcode.trim() || null,
      weightGrams: v.weight.trim() ? Number(v.weight) : 0,
    })),
  };
  const parsed = ProductInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      let path = issue.path;
      // Option rows that were left out keep their place on screen.
      if (path[0] === 'options' && typeof path[1] === 'number') {
        path = ['options', options[path[1]]?.row ?? path[1], ...path.slice(2)];
      }
      const key = fieldOf(path);
      errors[key] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** The service's field errors (`variants.sku`, `slug`) as form errors; `variants.sku` names the taken SKUs. */
export function serviceErrors(meta: Record<string, unknown> | undefined, d: ProductDraft): FieldErrors {
  const out: FieldErrors = {};
  const list = (meta?.errors ?? []) as { path?: string; message?: string }[];
  for (const e of list) {
    const path = (e.path ?? 'form').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (path[0] === 'variants' && path[1] === 'sku') {
      const taken = /([A-Za-z0-9._-]+)/g;
      const named = new Set((e.message ?? '').match(taken)?.map((s) => s.toLowerCase()) ?? []);
      d.variants.forEach((v, i) => {
        if (named.has(v.sku.trim().toLowerCase())) out[`variant_${i}_sku`] ??= e.message ?? 'Already in use.';
      });
      out.variants ??= e.message ?? 'A SKU is already in use.';
      continue;
    }
    out[fieldOf(path)] ??= e.message ?? 'Check this field.';
  }
  return out;
}
