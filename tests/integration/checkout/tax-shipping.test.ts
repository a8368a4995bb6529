/**
 * Tax and shipping from the store's tables, through the real checkout API: per-line tax at the destination's rate,
 * regions over countries, tax-inclusive prices, weight tables and free-from thresholds, and the administrators'
 * changes (validated, audited) taking effect on the next checkout read.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import type { SeedData } from '@db/seed/generate';
import { ShippingMethodInput, ShippingZoneInput, TaxRateInput } from '@domain/pricing/rules-input';
import { createStaff } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import type { PricingRulesContext } from '@worker/services/pricing/context';
import { removeMethod, saveMethod, saveZone } from '@worker/services/pricing/shipping-rules';
import { setTaxRate, updateTaxSettings } from '@worker/services/pricing/tax-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, placeOrder, put, readyCheckout } from './support';

type Money = { amount: number; currency: string };
interface View {
  shippingOptions: { id: string; price: Money }[];
  lines: { sku: string; lineTotalAmount: number; taxAmount: number; taxRatePpm: number }[];
  totals: { subtotal: Money; shipping: Money; tax: Money; total: Money; taxIncluded: boolean };
}

let data: SeedData;
let ctx: PricingRulesContext;
beforeAll(async () => {
  data = await seedSmallStore();
  const staff = await createStaff(['admin']);
  ctx = { db: createDb(env), actor: { id: staff.id, email: staff.email }, now: Date.now() };
});
afterAll(async () => {
  await updateTaxSettings(ctx, { pricesIncludeTax: false, shippingTaxable: true });
});

const stocked = () => data.inventory.filter((l) => l.onHand >= 5).map((l) => l.sku);
const weightOf = (sku: string) => data.variants.find((v) => v.sku === sku)!.weightGrams;

async function viewAt(api: Api, checkoutId: string, address: Record<string, string>) {
  const res = await api(`/api/checkouts/${checkoutId}/shipping-address`, put({ address }));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as View;
}

const BERLIN = {
  name: 'Grace Hopper',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};
const NEWARK = {
  name: 'Ada Lovelace',
  line1: '1 Broad St',
  city: 'Newark',
  region: 'NJ',
  postalCode: '07102',
  country: 'US',
};
const TOKYO = {
  name: 'Ken Sato',
  line1: '1-1 Marunouchi',
  city: 'Chiyoda-ku',
  region: 'Tokyo',
  postalCode: '100-0005',
  country: 'JP',
};

describe('tax from the rate table', () => {
  it('taxes each line at the destination rate, and shipping, and adds it on top', async () => {
    const [a, b] = stocked() as [string, string];
    const { api, checkoutId } = await readyCheckout([
      { sku: a, quantity: 1 },
      { sku: b, quantity: 2 },
    ]);
    const view = await viewAt(api, checkoutId, BERLIN);
    for (const line of view.lines) {
      expect(line.taxRatePpm).toBe(190_000);
      expect(line.taxAmount).toBe(Math.round((line.lineTotalAmount * 19) / 100));
    }
    const lineTax = view.lines.reduce((n, l) => n + l.taxAmount, 0);
    // The method chosen for the first address carries over when the new zone offers the same code, re-priced.
    const standard = view.shippingOptions.find((o) => o.id === 'standard')!;
    expect(view.totals.shipping).toEqual(standard.price);
    expect(view.totals.tax.amount).toBe(lineTax + Math.round((standard.price.amount * 19) / 100));
    expect(view.totals.total.amount).toBe(
      view.totals.subtotal.amount + view.totals.shipping.amount + view.totals.tax.amount,
    );
    expect(view.totals.taxIncluded).toBe(false);
  });

  it("taxes a product at its category's rate (a reduced-rate product in Germany at 7%)", async () => {
    const sku = stocked()[3]!;
    const variant = data.variants.find((v) => v.sku === sku)!;
    await env.DB.prepare("UPDATE products SET tax_category = 'reduced' WHERE id = ?")
      .bind(variant.productId)
      .run();
    try {
      const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
      const view = await viewAt(api, checkoutId, BERLIN);
      expect(view.lines[0]!.taxRatePpm).toBe(70_000);
      expect(view.lines[0]!.taxAmount).toBe(Math.round((view.lines[0]!.lineTotalAmount * 7) / 100));
    } finally {
      await env.DB.prepare("UPDATE products SET tax_category = 'standard' WHERE id = ?")
        .bind(variant.productId)
        .run();
    }
  });

  it("uses a region's own rate (New Jersey's 6.625%) and 0 where the shop collects no tax", async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: stocked()[0]!, quantity: 1 }]);
    const nj = await viewAt(api, checkoutId, NEWARK);
    expect(nj.lines[0]!.taxRatePpm).toBe(66_250);
    const oregon = await viewAt(api, checkoutId, {
      ...NEWARK,
      city: 'Portland',
      region: 'OR',
      postalCode: '97201',
    });
    expect(oregon.lines[0]!.taxAmount).toBe(0);
    expect(oregon.totals.tax.amount).toBe(0);
  });

  it("applies an administrator's new rate to the next read, and writes the change to the audit log", async () => {
    const { api, checkoutId } = await readyCheckout([{ sku: stocked()[1]!, quantity: 1 }]);
    const input = TaxRateInput.parse({
      country: 'us',
      region: 'or',
      category: 'standard',
      ratePpm: 12_345,
      name: 'Test tax',
    });
    const saved = await setTaxRate(ctx, input);
    expect(saved.ok).toBe(true);
    const view = await viewAt(api, checkoutId, {
      ...NEWARK,
      city: 'Portland',
      region: 'OR',
      postalCode: '97201',
    });
    expect(view.lines[0]!.taxRatePpm).toBe(12_345);
    const again = await setTaxRate(ctx, { ...input, ratePpm: 0 });
    expect(again.ok && again.value.id).toBe(saved.ok && saved.value.id); // one rate per zone × category, changed in place
    const audit = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE entity_type = 'tax_rate' AND entity_id = ? ORDER BY at, rowid",
    )
      .bind(saved.ok ? saved.value.id : '')
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(['tax.rate.create', 'tax.rate.update']);
  });

  it('with tax-inclusive prices, the total is what the prices say and the tax is inside it; the order keeps it', async () => {
    await updateTaxSettings(ctx, { pricesIncludeTax: true, shippingTaxable: false });
    try {
      const sku = stocked()[2]!;
      const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
      await viewAt(api, checkoutId, BERLIN);
      const view = (await (
        await api(`/api/checkouts/${checkoutId}/shipping-method`, put({ method: 'standard' }))
      ).json()) as View;
      const gross = view.lines[0]!.lineTotalAmount;
      expect(view.totals.taxIncluded).toBe(true);
      expect(view.lines[0]!.taxAmount).toBe(Math.round((gross * 190_000) / 1_190_000));
      expect(view.totals.tax.amount).toBe(view.lines[0]!.taxAmount); // shipping untaxed
      expect(view.totals.total.amount).toBe(gross + view.totals.shipping.amount);

      const placed = await placeOrder(api, checkoutId, 'success');
      expect(placed.status).toBe(201);
      const order = await env.DB.prepare(
        'SELECT o.tax_amount, o.total_amount, o.prices_include_tax, l.tax_amount AS line_tax, l.tax_rate_ppm FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.checkout_id = ?',
      )
        .bind(checkoutId)
        .first<Record<string, number>>();
      expect(order).toEqual({
        tax_amount: view.totals.tax.amount,
        total_amount: view.totals.total.amount,
        prices_include_tax: 1,
        line_tax: view.lines[0]!.taxAmount,
        tax_rate_ppm: 190_000,
      });
    } finally {
      await updateTaxSettings(ctx, { pricesIncludeTax: false, shippingTaxable: true });
    }
  });
});

describe('shipping from the zone table', () => {
  it('prices the seeded Europe standard rate by the parcel weight, and US standard free from $75', async () => {
    const sku = stocked()[0]!;
    const { api, checkoutId } = await readyCheckout([{ sku, quantity: 1 }]);
    const eu = await viewAt(api, checkoutId, BERLIN);
    const grams = weightOf(sku);
    const band = grams <= 1000 ? 1995 : grams <= 5000 ? 2995 : 4995;
    expect(eu.shippingOptions.map((o) => [o.id, o.price.amount])).toEqual([
      ['standard', band],
      ['express', 3995],
    ]);
    const us = await viewAt(api, checkoutId, NEWARK);
    const standard = us.shippingOptions.find((o) => o.id === 'standard')!.price.amount;
    expect(standard).toBe(us.totals.subtotal.amount >= 7500 ? 0 : 595);
  });

  it('stops offering a method that cannot carry the parcel, and refuses it as a choice', async () => {
    const zone = await saveZone(ctx, null, ShippingZoneInput.parse({ name: 'Japan', countries: ['JP'] }));
    if (!zone.ok) throw new Error(zone.error.detail);
    const tiny = await saveMethod(ctx, zone.value.id, null, {
      ...ShippingMethodInput.parse({
        code: 'letter',
        name: 'Letter post',
        kind: 'weight',
        weightBands: [{ upToGrams: 1, amount: 100 }],
        minDays: 5,
        maxDays: 9,
      }),
      currency: 'USD',
    });
    expect(tiny.ok).toBe(true);
    const { api, checkoutId } = await readyCheckout([{ sku: stocked()[0]!, quantity: 1 }]);
    const view = await viewAt(api, checkoutId, TOKYO);
    // Japan now has its own zone (no longer the rest of the world) whose one method is too small for the parcel.
    expect(view.shippingOptions).toEqual([]);
    const refused = await api(`/api/checkouts/${checkoutId}/shipping-method`, put({ method: 'letter' }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    if (tiny.ok) await removeMethod(ctx, tiny.value.id);
  });

  it('refuses a country already in another zone, a second rest-of-world zone and a duplicate code, writing nothing', async () => {
    const overlap = await saveZone(
      ctx,
      null,
      ShippingZoneInput.parse({ name: 'North America', countries: ['CA', 'US'] }),
    );
    expect(overlap).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(overlap.ok ? '' : overlap.error.detail).toContain('US');
    const world = await saveZone(
      ctx,
      null,
      ShippingZoneInput.parse({ name: 'Everywhere', countries: [], restOfWorld: true }),
    );
    expect(world).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const duplicate = await saveMethod(ctx, 'shz_domestic', null, {
      ...ShippingMethodInput.parse({
        code: 'express',
        name: 'Another express',
        kind: 'flat',
        amount: 1,
        minDays: 1,
        maxDays: 1,
      }),
      currency: 'USD',
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const zones = await env.DB.prepare(
      "SELECT name FROM shipping_zones WHERE name IN ('North America', 'Everywhere')",
    ).all();
    expect(zones.results).toEqual([]);
  });

  it('refuses nonsense input before it reaches the table', () => {
    const bad = [
      ShippingZoneInput.safeParse({ name: 'Nowhere', countries: [] }),
      ShippingZoneInput.safeParse({ name: 'Fake', countries: ['ZZ'] }),
      ShippingZoneInput.safeParse({ name: 'X', countries: ['US'], surprise: 1 }),
      ShippingMethodInput.safeParse({ code: 'Bad Code', name: 'x', kind: 'flat', minDays: 1, maxDays: 2 }),
      ShippingMethodInput.safeParse({
        code: 'neg',
        name: 'x',
        kind: 'flat',
        amount: -5,
        minDays: 1,
        maxDays: 2,
      }),
      ShippingMethodInput.safeParse({
        code: 'huge',
        name: 'x',
        kind: 'flat',
        amount: 1e12,
        minDays: 1,
        maxDays: 2,
      }),
      ShippingMethodInput.safeParse({ code: 'days', name: 'x', kind: 'flat', minDays: 5, maxDays: 2 }),
      ShippingMethodInput.safeParse({
        code: 'w',
        name: 'x',
        kind: 'weight',
        weightBands: [],
        minDays: 1,
        maxDays: 2,
      }),
      TaxRateInput.safeParse({ country: 'DE', category: 'standard', ratePpm: 1_000_001, name: 'VAT' }),
      TaxRateInput.safeParse({ country: 'DE', category: 'luxury', ratePpm: 10, name: 'VAT' }),
      TaxRateInput.safeParse({
        country: 'DE',
        region: 'TOOLONG',
        category: 'standard',
        ratePpm: 10,
        name: 'VAT',
      }),
    ];
    expect(bad.map((r) => r.success)).toEqual(bad.map(() => false));
  });
});
