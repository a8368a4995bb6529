/**
 * Discounts at checkout through the real Worker, D1 and StockDOs: a code is applied (any case) and priced into the
 * lines and totals, a code that does not apply is refused with its reason and nothing saved, the use is held when
 * payment starts and confirmed with the order; 50 concurrent orders with a single-use code give the discount exactly
 * once, and a declined payment frees the code at once.
 */
import { env } from 'cloudflare:workers';
import type { SeedData } from '@db/seed/generate';
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Api, placeOrder, readyCheckout } from '../checkout/support';

let data: SeedData;
let admin: string;
beforeAll(async () => {
  data = await seedSmallStore();
  admin = await createStaff(['admin']).then((s) => loginCookie('staff', s));
});

let serial = 0;
const uniqueCode = (stem: string) => `${stem}${++serial}${Date.now().toString(36)}`.toUpperCase();

/** A code promotion created by the administrator; `extra` overrides the defaults (10% off the order). */
async function codePromotion(code: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await newClient()(
    '/api/admin/promotions',
    jsonBody(
      {
        name: `Promotion ${code}`,
        trigger: { kind: 'code', codes: [code] },
        benefit: { kind: 'order_percentage', basisPoints: 1000 },
        ...extra,
      },
      { Cookie: admin },
    ),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface View {
  totals: Record<'subtotal' | 'discount' | 'shipping' | 'tax' | 'total', { amount: number }>;
  lines: { discountAmount: number; lineTotalAmount: number }[];
  discounts: {
    codes: string[];
    applied: { code: string | null; amount: { amount: number } }[];
    rejected: { code: string; reason: string; message: string }[];
  };
}

const applyCode = (api: Api, checkoutId: string, code: string) =>
  api(`/api/checkouts/${checkoutId}/discount-codes`, jsonBody({ code }));
const viewOf = async (api: Api, checkoutId: string) =>
  (await (await api(`/api/checkouts/${checkoutId}`)).json()) as View;

/** A SKU with at least `min` units, different on every call (tests here must not sell each other out). */
let skuIndex = 0;
function stockedSku(min: number): string {
  const candidates = data.inventory.filter((l) => l.onHand >= min);
  return candidates[skuIndex++ % candidates.length]!.sku;
}

describe('discount codes at checkout', () => {
  it('applies a code typed in lower case: 10% off every line and the total, saved on the checkout', async () => {
    const code = uniqueCode('ten');
    await codePromotion(code);
    const { api, checkoutId } = await readyCheckout([{ sku: stockedSku(3), quantity: 2 }]);
    const before = await viewOf(api, checkoutId);

    const res = await applyCode(api, checkoutId, `  ${code.toLowerCase()} `);
    expect(res.status).toBe(200);
    const after = (await res.json()) as View;
    const expected = Math.round(before.totals.subtotal.amount / 10);
    expect(after.totals.discount.amount).toBe(expected);
    expect(after.lines[0]!.discountAmount).toBe(expected);
    expect(after.discounts).toMatchObject({
      codes: [code],
      applied: [{ code, amount: { amount: expected } }],
    });
    expect(after.totals.total.amount).toBeLessThan(before.totals.total.amount);
    expect((await viewOf(api, checkoutId)).discounts.codes).toEqual([code]);

    const again = await applyCode(api, checkoutId, code);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      code: 'PROMOTION_NOT_APPLICABLE',
      meta: { reason: 'DUPLICATE_CODE' },
    });

    const removed = await api(`/api/checkouts/${checkoutId}/discount-codes/${code.toLowerCase()}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as View).totals.total.amount).toBe(before.totals.total.amount);
  });

  it('refuses a code below its minimum subtotal, an unknown code and odd characters, and saves none of them', async () => {
    const code = uniqueCode('big');
    await codePromotion(code, { conditions: { minSubtotal: { amount: 10_000_000, currency: 'USD' } } });
    const { api, checkoutId } = await readyCheckout([{ sku: stockedSku(1), quantity: 1 }]);

    const below = await applyCode(api, checkoutId, code);
    expect(below.status).toBe(422);
    const problem = (await below.json()) as { code: string; detail: string };
    expect(problem).toMatchObject({
      code: 'PROMOTION_NOT_APPLICABLE',
      meta: { reason: 'BELOW_MINIMUM_SUBTOTAL' },
    });
    expect(problem.detail).toMatch(/\$100,000\.00/);

    const unknown = await applyCode(api, checkoutId, 'NO-SUCH-CODE');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ meta: { reason: 'UNKNOWN_CODE' } });

    for (const odd of ['<script>', 'a b', 'x', 'A'.repeat(33), 42, null]) {
      expect((await applyCode(api, checkoutId, odd as string)).status, String(odd)).toBe(400);
    }
    const view = await viewOf(api, checkoutId);
    expect(view.discounts.codes).toEqual([]);
    expect(view.totals.discount.amount).toBe(0);
  });

  it('confirms the use with the order, and the next shopper is told the single-use code is used', async () => {
    const code = uniqueCode('once');
    const promotionId = await codePromotion(code, { usageLimit: 1 });
    const first = await readyCheckout([{ sku: stockedSku(3), quantity: 1 }]);
    expect((await applyCode(first.api, first.checkoutId, code)).status).toBe(200);
    const placed = await placeOrder(first.api, first.checkoutId, 'success');
    expect(placed.status).toBe(201);

    const order = await env.DB.prepare(
      'SELECT o.id, o.discount_amount FROM orders o JOIN checkouts c ON c.order_id = o.id WHERE c.id = ?',
    )
      .bind(first.checkoutId)
      .first<{ id: string; discount_amount: number }>();
    expect(order!.discount_amount).toBeGreaterThan(0);
    const use = await env.DB.prepare(
      'SELECT state, order_id, discount_amount FROM promotion_uses WHERE promotion_id = ?',
    )
      .bind(promotionId)
      .first();
    expect(use).toEqual({ state: 'confirmed', order_id: order!.id, discount_amount: order!.discount_amount });

    const second = await readyCheckout([{ sku: stockedSku(3), quantity: 1 }]);
    const refused = await applyCode(second.api, second.checkoutId, code);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ meta: { reason: 'USAGE_LIMIT_REACHED' } });
  });

  it('50 concurrent orders with a single-use code: exactly one gets the discount, the others are told', async () => {
    const code = uniqueCode('race');
    const promotionId = await codePromotion(code, { usageLimit: 1 });
    const shoppers = [];
    for (let i = 0; i < 50; i += 10) {
      shoppers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const s = await readyCheckout([{ sku: stockedSku(5), quantity: 1 }]);
            expect((await applyCode(s.api, s.checkoutId, code)).status).toBe(200);
            return s;
          }),
        )),
      );
    }
    const answers = await Promise.all(shoppers.map((s) => placeOrder(s.api, s.checkoutId, 'success')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const refused = (await answers.find((r) => r.status === 409)!.json()) as { code: string; detail: string };
    expect(refused.code).toBe('PROMOTION_LIMIT_REACHED');
    expect(refused.detail).toContain(code);

    const discounted = await env.DB.prepare(
      `SELECT count(*) AS n FROM orders o JOIN checkouts c ON c.order_id = o.id
       WHERE c.discount_codes LIKE ? AND o.discount_amount > 0`,
    )
      .bind(`%${code}%`)
      .first();
    expect(discounted).toEqual({ n: 1 });
    const uses = await env.DB.prepare(
      'SELECT state, count(*) AS n FROM promotion_uses WHERE promotion_id = ? GROUP BY state',
    )
      .bind(promotionId)
      .all();
    expect(uses.results).toEqual([{ state: 'confirmed', n: 1 }]);
    // A refused shopper's checkout now says why and costs the full price.
    const loser = shoppers[statuses.indexOf(409)]!;
    const view = await viewOf(loser.api, loser.checkoutId);
    expect(view.discounts.rejected).toMatchObject([{ code, reason: 'USAGE_LIMIT_REACHED' }]);
    expect(view.totals.discount.amount).toBe(0);
  }, 120_000);

  it('a declined payment gives the code back at once: the next shopper uses it', async () => {
    const code = uniqueCode('decline');
    await codePromotion(code, { usageLimit: 1 });
    const declined = await readyCheckout([{ sku: stockedSku(3), quantity: 1 }]);
    const other = await readyCheckout([{ sku: stockedSku(3), quantity: 1 }]);
    expect((await applyCode(declined.api, declined.checkoutId, code)).status).toBe(200);
    expect((await applyCode(other.api, other.checkoutId, code)).status).toBe(200);

    expect((await placeOrder(declined.api, declined.checkoutId, 'decline')).status).toBe(402);
    const placed = await placeOrder(other.api, other.checkoutId, 'success');
    expect(placed.status).toBe(201);
    const order = await env.DB.prepare(
      'SELECT o.discount_amount FROM orders o JOIN checkouts c ON c.order_id = o.id WHERE c.id = ?',
    )
      .bind(other.checkoutId)
      .first<{ discount_amount: number }>();
    expect(order!.discount_amount).toBeGreaterThan(0);
  });
});
