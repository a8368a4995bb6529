import { describe, expect, it } from 'vitest';
import { ProductInput } from './product-input';
import { cartesian, generateVariantMatrix, suggestSku, type VariantDraft } from './variant-matrix';
import { facetColumns } from './variant-options';

const SIZE = { name: 'Size', values: ['S', 'M'] };
const COLOUR = { name: 'Colour', values: ['Navy', 'Sand'] };

describe('cartesian', () => {
  it('lists every combination, first option slowest; no options is one empty combination', () => {
    expect(cartesian([SIZE, COLOUR])).toEqual([
      { Size: 'S', Colour: 'Navy' },
      { Size: 'S', Colour: 'Sand' },
      { Size: 'M', Colour: 'Navy' },
      { Size: 'M', Colour: 'Sand' },
    ]);
    expect(cartesian([])).toEqual([{}]);
  });
});

describe('generateVariantMatrix', () => {
  it('suggests unique SKUs from the name and values, priced at the default', () => {
    const v = generateVariantMatrix({
      productName: 'Crew Tee',
      options: [SIZE, COLOUR],
      existing: [],
      defaultPrice: 2500,
    });
    expect(v.map((x) => x.sku)).toEqual([
      'CREW-TEE-S-NAVY',
      'CREW-TEE-S-SAND',
      'CREW-TEE-M-NAVY',
      'CREW-TEE-M-SAND',
    ]);
    expect(v.every((x) => x.price === 2500 && x.compareAt === null)).toBe(true);
  });

  it('keeps existing variants (id, SKU, price) when a value is added, and avoids taken SKUs', () => {
    const existing: VariantDraft[] = [
      {
        id: 'var_1',
        options: { Size: 'S' },
        sku: 'MY-S',
        price: 1000,
        compareAt: 1500,
        barcode: '123',
        weightGrams: 200,
      },
    ];
    const v = generateVariantMatrix({
      productName: 'Crew Tee',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      existing,
      takenSkus: ['CREW-TEE-M'],
    });
    expect(v[0]).toEqual(existing[0]);
    expect(v[1]).toMatchObject({ sku: 'CREW-TEE-M-2', price: 1000, compareAt: 1500, barcode: null });
    expect(v[1]!.id).toBeUndefined();
  });

  it('a new option type extends old variants: the first new value inherits each one', () => {
    const existing: VariantDraft[] = [
      {
        id: 'var_s',
        options: { size: 's' },
        sku: 'A-S',
        price: 1000,
        compareAt: null,
        barcode: null,
        weightGrams: 0,
      },
      {
        id: 'var_m',
        options: { size: 'm' },
        sku: 'A-M',
        price: 1200,
        compareAt: null,
        barcode: null,
        weightGrams: 0,
      },
    ];
    const v = generateVariantMatrix({ productName: 'A', options: [SIZE, COLOUR], existing });
    expect(v.map((x) => [x.id, x.sku, x.price])).toEqual([
      ['var_s', 'A-S', 1000],
      [undefined, 'A-S-SAND', 1000],
      ['var_m', 'A-M', 1200],
      [undefined, 'A-M-SAND', 1200],
    ]);
    expect(v[0]!.options).toEqual({ Size: 'S', Colour: 'Navy' });
  });

  it('drops variants whose value was removed', () => {
    const existing: VariantDraft[] = [
      {
        id: 'var_s',
        options: { Size: 'S' },
        sku: 'A-S',
        price: 1,
        compareAt: null,
        barcode: null,
        weightGrams: 0,
      },
      {
        id: 'var_m',
        options: { Size: 'M' },
        sku: 'A-M',
        price: 2,
        compareAt: null,
        barcode: null,
        weightGrams: 0,
      },
    ];
    const v = generateVariantMatrix({
      productName: 'A',
      options: [{ name: 'Size', values: ['M'] }],
      existing,
    });
    expect(v.map((x) => x.id)).toEqual(['var_m']);
  });

  it('the generated matrix is valid product input', () => {
    const variants = generateVariantMatrix({
      productName: 'Crew Tee',
      options: [SIZE, COLOUR],
      existing: [],
    });
    const parsed = ProductInput.safeParse({
      name: 'Crew Tee',
      slug: 'crew-tee',
      categoryId: 'cat_01JAAAAAAAAAAAAAAAAAAAAAAA',
      options: [SIZE, COLOUR],
      variants,
    });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('suggestSku', () => {
  it('stays within the SKU length and the SKU pattern', () => {
    const sku = suggestSku('X'.repeat(24), ['Ünïcode value that is long', 'ß'], new Set());
    expect(sku.length).toBeLessThanOrEqual(64);
    expect(sku).toMatch(/^[A-Z0-9][A-Z0-9._-]*$/);
  });
});

describe('facetColumns', () => {
  it('copies Size and Colour (or Color) in any case', () => {
    expect(facetColumns({ SIZE: 'M', color: 'Navy', Material: 'Wool' })).toEqual({
      size: 'M',
      colour: 'Navy',
    });
    expect(facetColumns({ Material: 'Wool' })).toEqual({ size: null, colour: null });
  });
});

describe('ProductInput', () => {
  const base = { name: 'T', slug: 't', categoryId: 'cat_01JAAAAAAAAAAAAAAAAAAAAAAA' };
  const variant = { sku: 'T-1', price: 100, options: {} };
  const messages = (x: unknown) =>
    ProductInput.safeParse(x).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('refuses unknown fields, bad prices, 4 option types, too many tags and duplicates', () => {
    expect(messages({ ...base, extra: 1 })).toHaveLength(1);
    expect(messages({ ...base, variants: [{ ...variant, price: -1 }] })[0]).toMatch(/^variants.0.price/);
    expect(messages({ ...base, variants: [{ ...variant, price: 1e9 + 1 }] })[0]).toMatch(/^variants.0.price/);
    expect(messages({ ...base, variants: [{ ...variant, price: 1.5 }] })[0]).toMatch(/^variants.0.price/);
    const four = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] }));
    expect(messages({ ...base, options: four })[0]).toMatch(/^options/);
    expect(messages({ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })[0]).toMatch(/^tags/);
    expect(messages({ ...base, options: [{ name: 'Size', values: ['M', 'm'] }] })[0]).toMatch(/listed twice/);
    expect(messages({ ...base, options: [SIZE, { name: 'size', values: ['x'] }] })[0]).toMatch(
      /listed twice/,
    );
    expect(messages({ ...base, variants: [variant, { ...variant }] })).toContain(
      'variants.1.sku: SKU T-1 is used twice.',
    );
    expect(messages({ ...base, slug: 'Not A Slug' })[0]).toMatch(/^slug/);
    expect(messages({ ...base, description: 'x'.repeat(20_001) })[0]).toMatch(/^description/);
    expect(messages({ ...base, variants: [{ ...variant, compareAt: 50 }] })[0]).toMatch(
      /^variants.0.compareAt/,
    );
  });

  it('checks every variant against the option types', () => {
    const withSize = { ...base, options: [SIZE] };
    expect(messages({ ...withSize, variants: [{ ...variant, options: { Size: 'XL' } }] })[0]).toMatch(
      /not a value/,
    );
    expect(messages({ ...withSize, variants: [{ ...variant, options: {} }] })[0]).toMatch(
      /exactly one value/,
    );
    expect(
      messages({
        ...withSize,
        variants: [
          { ...variant, options: { Size: 'S' } },
          { ...variant, sku: 'T-2', options: { size: 's' } },
        ],
      })[0],
    ).toMatch(/same options/);
    expect(messages({ ...withSize, variants: [{ ...variant, options: { size: 'm' } }] })).toEqual([]);
  });
});
