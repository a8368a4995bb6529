import { describe, expect, it } from 'vitest';
import { decimalToMinor, draftFromForm, inputFromDraft, withGeneratedVariants } from './product-form';

const form = {
  name: 'Tee',
  slug: 'tee',
  status: 'active',
  categoryId: 'cat_01HZZZZZZZZZZZZZZZZZZZZZZZ',
  option_0_name: 'Size',
  option_0_values: 'S, M',
  option_1_name: 'Colour',
  option_1_values: 'Red, Blue',
  option_2_name: '',
  option_2_values: '',
  intent: 'generate',
};

describe('product editor form', () => {
  it('generates one variant per combination from the posted options', () => {
    const d = withGeneratedVariants(draftFromForm(form));
    expect(d.variants.map((v) => Object.values(v.options).join(' / '))).toEqual([
      'S / Red',
      'S / Blue',
      'M / Red',
      'M / Blue',
    ]);
    expect(d.variants[0]!.sku).toBe('TEE-S-RED');
  });

  it('reads decimal prices and reports bad ones beside the field', () => {
    expect(decimalToMinor('19.9')).toBe(1990);
    expect(decimalToMinor('')).toBeNull();
    expect(decimalToMinor('1.234')).toBeNaN();
    const d = withGeneratedVariants(draftFromForm(form));
    d.variants[1]!.price = 'abc';
    const r = inputFromDraft(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.variant_1_price).toMatch(/12\.50/);
  });
});
