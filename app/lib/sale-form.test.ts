import { describe, expect, it } from 'vitest';
import { saleFieldErrors, saleFormValues, saleFromForm } from './sale-form';

const category = 'cat_01JD0000000000000000000000';
const product = 'prod_01JD0000000000000000000000';
const valid = {
  name: 'Winter sale',
  percent: '12.5',
  productIds: `${product}\n${product}, `,
  categoryIds: [category],
  startsAt: '2026-12-01T09:00',
  endsAt: '2026-12-08T09:00',
  active: 'on',
};

describe('saleFromForm', () => {
  it('turns a percentage into basis points, UTC times into epoch ms and deduplicates ids', () => {
    const got = saleFromForm(valid);
    expect(got).toEqual({
      ok: true,
      value: {
        name: 'Winter sale',
        basisPoints: 1250,
        productIds: [product],
        categoryIds: [category],
        startsAt: Date.UTC(2026, 11, 1, 9),
        endsAt: Date.UTC(2026, 11, 8, 9),
        active: true,
      },
    });
  });

  it('names the field of each mistake in words', () => {
    const got = saleFromForm({ ...valid, percent: '120', endsAt: '2026-11-01T00:00', productIds: 'nope' });
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.fieldErrors.percent).toBe('A sale cannot take more than 100% off.');
    expect(got.fieldErrors.endsAt).toBe('The end must be after the start.');
    expect(got.fieldErrors.productIds).toMatch(/product id/);
    const empty = saleFromForm({ name: '', percent: 'lots', categoryIds: [] });
    expect(empty.ok ? {} : empty.fieldErrors).toMatchObject({
      name: 'Give the sale a name.',
      percent: 'Enter the percentage off as a number, such as 25 or 12.5.',
      productIds: 'Choose at least one product or category.',
      startsAt: 'Choose when the sale starts.',
      endsAt: 'Choose when the sale ends.',
    });
  });

  it('maps service field errors back and round-trips stored values', () => {
    expect(saleFieldErrors([{ path: 'startsAt', message: 'Overlaps "Knitwear sale".' }])).toEqual({
      startsAt: 'Overlaps "Knitwear sale".',
    });
    const parsed = saleFromForm(valid);
    if (!parsed.ok) throw new Error('valid form refused');
    expect(saleFromForm(saleFormValues(parsed.value))).toEqual(parsed);
  });
});
