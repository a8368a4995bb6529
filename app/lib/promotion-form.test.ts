import { describe, expect, it } from 'vitest';
import { basisPointsOf, fieldErrorsOf, percentOf, promotionFromForm, splitList } from './promotion-form';
import { NEW_PROMOTION_VALUES, promotionFormValues } from './promotion-form-values';

const PRODUCT = 'prod_01HZZZZZZZZZZZZZZZZZZZZZZZ';
const CATEGORY = 'cat_01HZZZZZZZZZZZZZZZZZZZZZZZ';

describe('the promotion form', () => {
  it('reads percentages as basis points and writes them back', () => {
    expect(basisPointsOf('10')).toBe(1000);
    expect(basisPointsOf('12.5')).toBe(1250);
    expect(basisPointsOf('0.05')).toBe(5);
    expect(basisPointsOf('12,5 %')).toBe(1250);
    expect(basisPointsOf('12.345')).toBeNull();
    expect(basisPointsOf('ten')).toBeNull();
    expect(percentOf(1250)).toBe('12.5');
    expect(percentOf(1000)).toBe('10');
    expect(percentOf(5)).toBe('0.05');
    expect(splitList(' summer10,\nWELCOME ; x ')).toEqual(['summer10', 'WELCOME', 'x']);
  });

  it('turns a code promotion with a percentage off the order into a PromotionInput', () => {
    const r = promotionFromForm(
      {
        ...NEW_PROMOTION_VALUES,
        name: 'Winter 10',
        codes: 'winter10, Cold-10\nsnow_10',
        percent: '10',
        minSubtotal: '50',
        startsAt: '2026-12-01T09:00',
        endsAt: '2027-01-01T00:00',
        usageLimit: '100',
        perCustomerLimit: '1',
        stackable: 'on',
      },
      'USD',
    );
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Winter 10',
        trigger: { kind: 'code', codes: ['WINTER10', 'COLD-10', 'SNOW_10'] },
        benefit: { kind: 'order_percentage', basisPoints: 1000 },
        conditions: expect.objectContaining({ minSubtotal: { amount: 5000, currency: 'USD' } }),
        startsAt: Date.UTC(2026, 11, 1, 9),
        endsAt: Date.UTC(2027, 0, 1),
        usageLimit: 100,
        perCustomerLimit: 1,
        stackable: true,
        priority: 0,
        active: true,
      }),
    });
  });

  it('takes amounts in major units and item targets as ids', () => {
    const r = promotionFromForm(
      {
        name: 'Knitwear $15',
        triggerKind: 'automatic',
        benefitKind: 'items_fixed',
        amount: '15',
        productIds: PRODUCT,
        categoryIds: CATEGORY,
      },
      'USD',
    );
    expect(r.ok && r.value.benefit).toEqual({
      kind: 'items_fixed',
      amount: { amount: 1500, currency: 'USD' },
      targets: { productIds: [PRODUCT], categoryIds: [CATEGORY], collectionIds: [] },
    });
    expect(r.ok && r.value.trigger).toEqual({ kind: 'automatic' });
    expect(r.ok && r.value.active).toBe(false);
  });

  it('makes a buy X get Y free unless a percentage is given, with the bought items when none are named', () => {
    const r = promotionFromForm(
      {
        name: 'Socks 3 for 2',
        triggerKind: 'automatic',
        benefitKind: 'buy_x_get_y',
        buyQuantity: '2',
        getQuantity: '1',
        categoryIds: CATEGORY,
      },
      'EUR',
    );
    const targets = { productIds: [], categoryIds: [CATEGORY], collectionIds: [] };
    expect(r.ok && r.value.benefit).toEqual({
      kind: 'buy_x_get_y',
      buy: { quantity: 2, targets },
      get: { quantity: 1, targets, basisPoints: 10_000 },
      maxApplications: null,
    });
  });

  it('names each wrong field with the reason, and saves nothing', () => {
    const r = promotionFromForm(
      {
        ...NEW_PROMOTION_VALUES,
        name: '',
        codes: 'ok-code, no!',
        percent: '150',
        usageLimit: 'lots',
        startsAt: '2026-12-02T00:00',
        endsAt: '2026-12-01T00:00',
        customerEmails: 'not-an-email',
      },
      'USD',
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? {} : r.fieldErrors;
    expect(errors).toMatchObject({
      name: 'Give the promotion a name.',
      percent: 'A percentage cannot be more than 100%.',
      usageLimit: 'Enter a whole number.',
      codes: expect.stringContaining('3-32 letters'),
      customerEmails: expect.stringContaining('email'),
    });
    expect(Object.keys(errors)).not.toContain('form');
  });

  it('refuses an amount with too many decimals, or an item benefit without items', () => {
    const r = promotionFromForm(
      { ...NEW_PROMOTION_VALUES, name: 'x', codes: 'abc', benefitKind: 'items_fixed', amount: '1.999' },
      'USD',
    );
    expect(!r.ok && r.fieldErrors.amount).toMatch(/decimals/);
    expect(!r.ok && r.fieldErrors.productIds).toBe('Choose at least one product, category or collection.');
  });

  it('places the API’s code conflicts at the codes field', () => {
    expect(fieldErrorsOf({ errors: [{ path: 'trigger.codes', message: 'Already in use: SALE' }] })).toEqual({
      codes: 'Already in use: SALE',
    });
    expect(fieldErrorsOf(undefined)).toEqual({});
  });

  it('keeps a buy X get Y’s own items given, and leaves them empty when they are the items bought', () => {
    const form = {
      name: 'Buy a sweater, get socks half off',
      triggerKind: 'code',
      codes: 'SOCKS50',
      benefitKind: 'buy_x_get_y',
      percent: '50',
      categoryIds: CATEGORY,
      buyQuantity: '1',
      getQuantity: '2',
      getProductIds: PRODUCT,
      maxApplications: '3',
      active: 'on',
    };
    const saved = promotionFromForm(form, 'USD');
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
    expect(saved.value.benefit).toMatchObject({
      buy: { quantity: 1, targets: { categoryIds: [CATEGORY], productIds: [] } },
      get: { quantity: 2, basisPoints: 5000, targets: { productIds: [PRODUCT], categoryIds: [] } },
      maxApplications: 3,
    });
    const values = promotionFormValues({ ...saved.value, id: 'promo_1' });
    expect(values).toMatchObject(form);
    expect(promotionFromForm(values, 'USD')).toEqual(saved);
    const free = promotionFromForm({ ...form, percent: '', getProductIds: '' }, 'USD');
    if (!free.ok) throw new Error(JSON.stringify(free.fieldErrors));
    expect(promotionFormValues({ ...free.value, id: 'promo_2' })).toMatchObject({
      percent: '',
      getProductIds: '',
      categoryIds: CATEGORY,
    });
  });

  it('shows a stored promotion as the values that save it unchanged', () => {
    const form = {
      name: 'Free shipping over $75',
      triggerKind: 'automatic',
      benefitKind: 'free_shipping',
      maxShipping: '10.00',
      minSubtotal: '75.00',
      shippingCountries: 'US, CA',
      signedInOnly: 'on',
      priority: '5',
      active: 'on',
    };
    const first = promotionFromForm(form, 'USD');
    if (!first.ok) throw new Error(JSON.stringify(first.fieldErrors));
    const values = promotionFormValues({ ...first.value, id: 'promo_1' });
    expect(values).toMatchObject(form);
    expect(promotionFromForm(values, 'USD')).toEqual(first);
  });
});
