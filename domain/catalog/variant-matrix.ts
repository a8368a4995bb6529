/**
 * The variant matrix: every combination of a product's option values, in option order. Regenerating after the options
 * change keeps what the merchant already entered: a combination that existed keeps its variant (id, SKU, price…), and
 * a new option type extends old variants instead of replacing them (the first new value inherits each old variant).
 */
import { MAX_SKU_LENGTH } from './sku';
import { slugify } from './slug';
import { combinationKey, optionKey } from './variant-options';

/** A variant as the matrix sees it (what the editor holds; `id` absent for ones not saved yet). */
export interface VariantDraft {
  id?: string;
  options: Record<string, string>;
  sku: string;
  price: number;
  compareAt: number | null;
  barcode: string | null;
  weightGrams: number;
}

/** Every combination of the option values, first option varying slowest ([] options → one empty combination). */
export function cartesian(
  options: readonly { name: string; values: readonly string[] }[],
): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const o of options) {
    combos = combos.flatMap((c) => o.values.map((v) => ({ ...c, [o.name]: v })));
  }
  return combos;
}

const code = (text: string, max: number) => slugify(text).toUpperCase().slice(0, max).replace(/-+$/, '');

/** A SKU stem from the product name ("Merino Crew Sweater" → "MERINO-CREW-SWEATER", at most 24 characters). */
export const skuStem = (productName: string): string => code(productName, 24) || 'SKU';

/** A suggested SKU: the stem and each option value's code (`TEE-NAVY-M`), unique against `taken` (case-insensitive). */
export function suggestSku(stem: string, values: readonly string[], taken: ReadonlySet<string>): string {
  const base = [stem, ...values.map((v) => code(v, 12) || 'X')].join('-').slice(0, MAX_SKU_LENGTH - 4);
  let sku = base.replace(/-+$/, '');
  for (let n = 2; taken.has(sku.toLowerCase()); n++) sku = `${base}-${n}`;
  return sku;
}

/** Whether `old` agrees with `combo` on every option they both have (the old variant is a "parent" of combo). */
function extends_(combo: Record<string, string>, old: Record<string, string>): boolean {
  const byKey = new Map(Object.entries(combo).map(([k, v]) => [optionKey(k), v.trim().toLowerCase()]));
  const shared = Object.entries(old).filter(([k]) => byKey.has(optionKey(k)));
  return shared.every(([k, v]) => byKey.get(optionKey(k)) === v.trim().toLowerCase());
}

/**
 * The variants for `options`, reusing `existing`: an exact combination keeps its variant whole; otherwise the first
 * combination that extends an unused old variant (same values on the options they share) takes that variant over with
 * the new options; any other combination gets a new variant priced like its closest old one (or `defaultPrice`) and
 * a suggested SKU not used by any variant here or in `takenSkus` (SKUs of other products, when known).
 */
export function generateVariantMatrix(input: {
  productName: string;
  options: readonly { name: string; values: readonly string[] }[];
  existing: readonly VariantDraft[];
  defaultPrice?: number;
  takenSkus?: Iterable<string>;
}): VariantDraft[] {
  const combos = cartesian(input.options);
  const byCombo = new Map(input.existing.map((v) => [combinationKey(v.options), v]));
  const used = new Set<VariantDraft>();
  const drafts: (VariantDraft | Record<string, string>)[] = combos.map((combo) => {
    const same = byCombo.get(combinationKey(combo));
    if (same && !used.has(same)) {
      used.add(same);
      return { ...same, options: combo };
    }
    return combo;
  });
  // Second pass, so an exact match always wins over an extension.
  const result = drafts.map((d, i) => {
    if ('sku' in d) return d as VariantDraft;
    const combo = combos[i]!;
    const parent = input.existing.find((v) => !used.has(v) && extends_(combo, v.options));
    if (parent) {
      used.add(parent);
      return { ...parent, options: combo };
    }
    return { options: combo } as Partial<VariantDraft> & { options: Record<string, string> };
  });
  const taken = new Set<string>([...(input.takenSkus ?? [])].map((s) => s.toLowerCase()));
  for (const v of result) if (v.sku) taken.add(v.sku.toLowerCase());
  const stem = skuStem(input.productName);
  return result.map((v) => {
    if (v.sku !== undefined) return v as VariantDraft;
    const like = input.existing.find((e) => extends_(v.options, e.options)) ?? input.existing[0];
    const sku = suggestSku(
      stem,
      input.options.map((o) => v.options[o.name] ?? ''),
      taken,
    );
    taken.add(sku.toLowerCase());
    return {
      options: v.options,
      sku,
      price: like?.price ?? input.defaultPrice ?? 0,
      compareAt: like?.compareAt ?? null,
      barcode: null,
      weightGrams: like?.weightGrams ?? 0,
    };
  });
}
