/** What an administrator (or an import) may send to create or replace a product, with every rule checked here. */

import { idSchema } from '@domain/core/id-schema';
import { TaxCategorySchema } from '@domain/pricing/tax';
import { z } from 'zod';
import { SkuSchema } from './sku';
import { SlugSchema } from './slug';
import { PRODUCT_STATUSES } from './statuses';
import { combinationKey, optionKey } from './variant-options';

export const MAX_DESCRIPTION_LENGTH = 20_000;
export const MAX_TAGS = 20;
export const MAX_ATTRIBUTES = 50;
export const MAX_OPTION_TYPES = 3;
export const MAX_OPTION_VALUES = 50;
/** Shopify's long-standing cap; keeps one product's write well inside a D1 batch. */
export const MAX_VARIANTS = 100;
export const MAX_COLLECTIONS_PER_PRODUCT = 50;
/** Ten million in a two-decimal currency: far above any real price, far below integer trouble. */
export const MAX_PRICE = 1_000_000_000;
export const MAX_WEIGHT_GRAMS = 1_000_000;

const Text = (max: number) => z.string().trim().max(max);
const Name = (max: number) => z.string().trim().min(1).max(max);

/** A price in minor units of the shop's currency. */
export const PriceSchema = z.number().int().min(0).max(MAX_PRICE);

export const OptionNameSchema = Name(40);
export const OptionValueSchema = Name(60);

const lowerDuplicates = (values: readonly string[]) => {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.trim().toLowerCase();
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
};

/** One option type (Size: S, M, L); values unique regardless of case. */
export const OptionTypeInput = z
  .object({
    name: OptionNameSchema,
    values: z.array(OptionValueSchema).min(1).max(MAX_OPTION_VALUES),
  })
  .strict()
  .superRefine((o, ctx) => {
    for (const dup of lowerDuplicates(o.values)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `"${dup}" is listed twice.` });
    }
  });
export type OptionTypeInput = z.infer<typeof OptionTypeInput>;

/** One variant: its option values, SKU, price and shipping facts. `id` keeps an existing variant on update. */
export const VariantInput = z
  .object({
    id: idSchema('variant').optional(),
    options: z.record(OptionNameSchema, OptionValueSchema).default({}),
    sku: SkuSchema,
    price: PriceSchema,
    compareAt: PriceSchema.nullable().default(null),
    barcode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,48}$/, 'Barcode may hold only letters, digits and "-" (up to 48).')
      .nullable()
      .default(null),
    weightGrams: z.number().int().min(0).max(MAX_WEIGHT_GRAMS).default(0),
  })
  .strict();
export type VariantInput = z.infer<typeof VariantInput>;

export const AttributeInput = z.object({ name: Name(60), value: Name(200) }).strict();

/**
 * A whole product, as created or replaced (PUT): the variants listed are the product's variants afterwards.
 * Cross-field rules: option names unique; every variant names exactly the product's option types with listed
 * values; no two variants share a combination or a SKU; a compare-at price is above the price.
 */
export const ProductInput = z
  .object({
    name: Name(200),
    slug: SlugSchema,
    description: Text(MAX_DESCRIPTION_LENGTH).default(''),
    status: z.enum(PRODUCT_STATUSES).default('draft'),
    categoryId: idSchema('category'),
    brand: Text(80).default(''),
    taxCategory: TaxCategorySchema.default('standard'),
    collectionIds: z.array(idSchema('collection')).max(MAX_COLLECTIONS_PER_PRODUCT).default([]),
    tags: z.array(Name(40)).max(MAX_TAGS).default([]),
    attributes: z.array(AttributeInput).max(MAX_ATTRIBUTES).default([]),
    seoTitle: Text(120).default(''),
    seoDescription: Text(320).default(''),
    options: z.array(OptionTypeInput).max(MAX_OPTION_TYPES).default([]),
    variants: z.array(VariantInput).max(MAX_VARIANTS).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const dup of lowerDuplicates(p.options.map((o) => o.name))) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `Option "${dup}" is listed twice.` });
    }
    if (new Set(p.collectionIds).size !== p.collectionIds.length) {
      ctx.addIssue({ code: 'custom', path: ['collectionIds'], message: 'A collection is listed twice.' });
    }
    const types = new Map(
      p.options.map((o) => [optionKey(o.name), new Set(o.values.map((v) => v.trim().toLowerCase()))]),
    );
    const combos = new Set<string>();
    const skus = new Set<string>();
    p.variants.forEach((v, i) => {
      const at = (field: string) => ['variants', i, field];
      const names = Object.keys(v.options).map(optionKey);
      const missing = [...types.keys()].filter((k) => !names.includes(k));
      const unknown = names.filter((k) => !types.has(k));
      if (missing.length || unknown.length || names.length !== types.size) {
        ctx.addIssue({
          code: 'custom',
          path: at('options'),
          message: `Give exactly one value for each option type (${p.options.map((o) => o.name).join(', ') || 'none'}).`,
        });
      } else {
        for (const [name, value] of Object.entries(v.options)) {
          if (!types.get(optionKey(name))!.has(value.trim().toLowerCase())) {
            ctx.addIssue({
              code: 'custom',
              path: at('options'),
              message: `"${value}" is not a value of ${name}.`,
            });
          }
        }
      }
      const combo = combinationKey(v.options);
      if (combos.has(combo)) {
        ctx.addIssue({
          code: 'custom',
          path: at('options'),
          message: 'Another variant has the same options.',
        });
      }
      combos.add(combo);
      const sku = v.sku.toLowerCase();
      if (skus.has(sku))
        ctx.addIssue({ code: 'custom', path: at('sku'), message: `SKU ${v.sku} is used twice.` });
      skus.add(sku);
      if (v.compareAt !== null && v.compareAt <= v.price) {
        ctx.addIssue({
          code: 'custom',
          path: at('compareAt'),
          message: 'Compare-at price must be above the price.',
        });
      }
    });
  });
export type ProductInput = z.infer<typeof ProductInput>;
