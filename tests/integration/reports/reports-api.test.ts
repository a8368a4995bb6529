/**
 * The reports API through the real Worker and D1: an order placed at checkout and cancelled with a refund shows in
 * the sales, product and customer reports at once; CSV downloads hold the same rows (spreadsheet formulas defused);
 * bad ranges are 400s; only reports:read may look. Orders by a signed-in customer make them a top customer of all
 * time, named only for a reader with customers:read.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import type { SeedData } from '@db/seed/generate';
import { reportRange } from '@domain/reports/range';
import { stockCover } from '@domain/reports/stock-cover';
import { addDays } from '@domain/reports/time-zone';
import { createCustomer, createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { customersReport } from '@worker/services/reports/reports';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, readyCheckout } from '../checkout/support';

let data: SeedData;
let admin: string;
let content: string;
const api = newClient();
const today = new Date().toISOString().slice(0, 10);
const as = (cookie: string): RequestInit => ({ headers: { Cookie: cookie } });

type Sales = {
  totals: Record<string, number>;
  comparisonTotals: Record<string, number> | null;
  series: { bucket: string; figures: Record<string, number> }[];
};

async function sales(query = `from=${today}&to=${today}`): Promise<Sales> {
  const res = await api(`/api/admin/reports/sales?${query}`, as(admin));
  expect(res.status).toBe(200);
  return (await res.json()) as Sales;
}

let order: { id: string; total: number; subtotal: number; sku: string };

beforeAll(async () => {
  data = await seedSmallStore();
  [admin, content] = await Promise.all([
    createStaff(['admin']).then((s) => loginCookie('staff', s)),
    createStaff(['content']).then((s) => loginCookie('staff', s)),
  ]);
  const sku = data.inventory.filter((l) => l.onHand >= 10)[0]!.sku;
  const { api: shop, checkoutId } = await readyCheckout([{ sku, quantity: 2 }]);
  expect((await placeOrder(shop, checkoutId, 'success')).status).toBe(201);
  const row = await env.DB.prepare(
    'SELECT id, total_amount AS total, subtotal_amount AS subtotal FROM orders WHERE checkout_id = ?',
  )
    .bind(checkoutId)
    .first<{ id: string; total: number; subtotal: number }>();
  order = { ...row!, sku };
});

describe('the one-time rebuild', () => {
  it('runs in the background on the REPORTS queue: answers say how far it is until the consumer is done', async () => {
    // This store's rollups were never rebuilt: the first report read starts the job and answers at once.
    const res = await api(`/api/admin/reports/sales?from=${today}&to=${today}`, as(admin));
    expect(res.status).toBe(200);
    const first = (await res.json()) as { rebuilding: { done: number; total: number } | null };
    expect(first.rebuilding).toMatchObject({ done: 0 });
    expect(first.rebuilding!.total).toBeGreaterThanOrEqual(1);
    let body = first;
    const deadline = Date.now() + 20_000;
    while (body.rebuilding !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const next = await api(`/api/admin/reports/promotions?from=${today}&to=${today}`, as(admin));
      body = (await next.json()) as typeof first;
    }
    expect(body.rebuilding).toBeNull();
  }, 30_000);
});

describe('the sales report', () => {
  it('counts an order the moment it is placed, and its refund the moment it succeeds', async () => {
    const placed = await sales();
    expect(placed.totals).toMatchObject({ orders: 1, units: 2, gross: order.subtotal, refunds: 0 });
    expect(placed.totals.total).toBe(order.total);
    expect(placed.series).toEqual([{ bucket: today, figures: placed.totals }]);

    const cancelled = await api(`/api/admin/orders/${order.id}/cancel`, {
      ...jsonBody({ reason: 'Customer asked', restock: true }),
      headers: { 'Content-Type': 'application/json', Cookie: admin },
    });
    expect(cancelled.status).toBe(200);
    let refunded = await sales();
    for (let i = 0; i < 100 && refunded.totals.refunds === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      refunded = await sales();
    }
    expect(refunded.totals).toMatchObject({ orders: 1, refunds: order.total, total: 0 });
    expect(refunded.totals.net).toBe(order.subtotal - (refunded.totals.discounts ?? 0) - order.total);
    // The cancellation's refund takes the units back too: sold 2, refunded 2.
    const res = await api(`/api/admin/reports/products?from=${today}&to=${today}&group=variant`, as(admin));
    const { rows } = (await res.json()) as { rows: { key: string; units: number; refundedUnits: number }[] };
    expect(rows.find((r) => r.key === order.sku)).toMatchObject({ units: 2, refundedUnits: 2 });
  });

  it('compares with the previous period and the same days last year', async () => {
    const previous = await sales(`from=${today}&to=${today}&compare=previous`);
    expect(previous.comparisonTotals).toMatchObject({ orders: 0 });
    const none = await sales(`from=${today}&to=${today}&compare=none`);
    expect(none.comparisonTotals).toBeNull();
    const monthly = await sales(`from=2025-01-01&to=2026-12-31&grain=month&compare=last-year`);
    expect(monthly.series).toHaveLength(24);
    expect(monthly.series[0]!.bucket).toBe('2025-01-01');
  });

  it('refuses inverted, too long, impossible and unknown ranges with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-05-02&to=2026-05-01', 'to'],
      ['from=2024-01-01&to=2026-01-31', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=1999-12-31&to=2000-01-01', 'from'],
      [`from=${today}&to=${today}&grain=hour`, 'grain'],
      [`from=${today}&to=${today}&metric=profit`, ''],
    ] as const) {
      const res = await api(`/api/admin/reports/sales?${query}`, as(admin));
      expect(res.status, query).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { path: string }[] };
      if (field) expect(problem.errors.map((e) => e.path).join(' ')).toContain(field);
    }
  });
});

describe('the other reports', () => {
  it('products: the units sold, by product, variant and category', async () => {
    for (const group of ['product', 'variant', 'category']) {
      const res = await api(
        `/api/admin/reports/products?from=${today}&to=${today}&group=${group}`,
        as(admin),
      );
      expect(res.status).toBe(200);
      const { rows } = (await res.json()) as { rows: { key: string; units: number }[] };
      expect(rows).toHaveLength(1);
      expect(rows[0]!.units).toBe(2);
    }
  });

  it('customers: one new guest order, from where it shipped', async () => {
    const res = await api(`/api/admin/reports/customers?from=${today}&to=${today}&byRegion=1`, as(admin));
    expect(res.status).toBe(200);
    const report = (await res.json()) as Record<string, unknown> & {
      places: { country: string; orders: number }[];
    };
    expect(report).toMatchObject({ orders: 1, newCustomerOrders: 1, guestOrders: 1, accountOrders: 0 });
    expect(report.places).toEqual([expect.objectContaining({ orders: 1 })]);
  });

  it('CSV: the same rows, money in major units, a formula in a name defused', async () => {
    const variant = data.variants.find((v) => v.sku === order.sku)!;
    await env.DB.prepare(`UPDATE products SET name = '=HYPERLINK("http://evil.test")' WHERE id = ?`)
      .bind(variant.productId)
      .run();
    const res = await api(`/api/admin/reports/products?from=${today}&to=${today}&format=csv`, as(admin));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toContain(`products-${today}-to-${today}.csv`);
    const [header, row, ...rest] = (await res.text()).split('\r\n');
    expect(header).toBe(
      'product,id,units sold,units refunded,gross sales,discounts,refunds,net sales,available,days of cover',
    );
    expect(row).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(row).toContain(`,2,2,${(order.subtotal / 100).toFixed(2)},`); // sold 2, both refunded by the cancellation
    expect(rest).toEqual([]);

    const salesCsv = await api(`/api/admin/reports/sales?from=${today}&to=${today}&format=csv`, as(admin));
    expect((await salesCsv.text()).split('\r\n')[1]).toMatch(new RegExp(`^${today},1,2,`));
  });

  it('is for reports:read only', async () => {
    for (const path of ['sales', 'products', 'customers', 'promotions']) {
      const url = `/api/admin/reports/${path}?from=${today}&to=${today}`;
      expect((await api(url)).status).toBe(401);
      expect((await api(url, as(content))).status).toBe(403);
    }
  });
});

type Lifetime = {
  customers: number;
  orders: number;
  repeatCustomers: number;
  averageOrdersPerCustomer: number | null;
  repeatCustomerRate: number | null;
  identities: boolean;
  top: {
    rank: number;
    kind: string;
    customerId: string | null;
    name: string | null;
    email: string | null;
    orders: number;
    net: number;
  }[];
};

describe('top customers of all time', () => {
  it('a signed-in shopper who orders twice is the top customer, named, and a repeat customer', async () => {
    const shopper = await createCustomer();
    const cookie = await loginCookie('customer', shopper);
    const sku = data.inventory.filter((l) => l.onHand >= 10)[1]!.sku;
    const nets: number[] = [];
    for (const quantity of [3, 1]) {
      const { api: shop, checkoutId } = await readyCheckout([{ sku, quantity }], cookie);
      expect((await placeOrder(shop, checkoutId, 'success')).status).toBe(201);
      const row = await env.DB.prepare(
        'SELECT customer_id AS customerId, subtotal_amount - discount_amount AS net FROM orders WHERE checkout_id = ?',
      )
        .bind(checkoutId)
        .first<{ customerId: string; net: number }>();
      expect(row?.customerId).toBe(shopper.id);
      nets.push(row!.net);
    }

    // A range that holds none of these orders: the lifetime figures ignore it.
    const res = await api(`/api/admin/reports/customers?from=2025-01-01&to=2025-01-31`, as(admin));
    expect(res.status).toBe(200);
    const { orders, lifetime } = (await res.json()) as { orders: number; lifetime: Lifetime };
    expect(orders).toBe(0);
    // The guest from the first test (refunded in full) and this account.
    expect(lifetime).toMatchObject({
      customers: 2,
      orders: 3,
      repeatCustomers: 1,
      averageOrdersPerCustomer: 1.5,
      repeatCustomerRate: 0.5,
      identities: true,
    });
    expect(lifetime.top[0]).toMatchObject({
      rank: 1,
      kind: 'account',
      customerId: shopper.id,
      name: 'Test Shopper',
      email: shopper.email,
      orders: 2,
      net: nets[0]! + nets[1]!,
    });
    expect(lifetime.top[1]).toMatchObject({ rank: 2, kind: 'guest', orders: 1 });
    expect(lifetime.top[1]!.net).toBeLessThanOrEqual(0);

    const csv = await api(
      `/api/admin/reports/customers?from=${today}&to=${today}&format=csv&table=top`,
      as(admin),
    );
    expect(csv.headers.get('Content-Disposition')).toContain('top-customers-all-time.csv');
    const [header, first] = (await csv.text()).split('\r\n');
    expect(header).toBe('rank,kind,name,email,customer id,orders,net sales,total sales,last order');
    expect(first).toContain(`1,account,Test Shopper,${shopper.email},${shopper.id},2,`);
  });

  it('without customers:read the figures come without names, emails or account ids', async () => {
    // No role holds reports:read without customers:read today, so the service is asked directly as such a reader.
    const report = await customersReport(
      createDb(env),
      reportRange({ from: today, to: today, compare: 'none' }),
      false,
      false,
    );
    expect(report.lifetime).toMatchObject({ customers: 2, repeatCustomers: 1, identities: false });
    expect(report.lifetime.top.map((r) => r.kind)).toEqual(['account', 'guest']);
    for (const row of report.lifetime.top) {
      expect(row).toMatchObject({ customerId: null, name: null, email: null });
    }
    expect(JSON.stringify(report.lifetime)).not.toContain('@');
  });
});

describe('stock cover', () => {
  type Row = {
    key: string;
    units: number;
    refundedUnits: number;
    available: number | null;
    cover: number | null;
  };
  type Products = {
    rows: Row[];
    stockCover: { from: string; to: string; days: number };
    runningLow: { sku: string; available: number; netUnits: number; rate: number; cover: number }[];
  };
  async function products(query: string): Promise<Products> {
    const res = await api(`/api/admin/reports/products?${query}`, as(admin));
    expect(res.status).toBe(200);
    return (await res.json()) as Products;
  }

  it('is available ÷ the last 28 days’ net units per day, per SKU, per product and in the running-low list', async () => {
    // A known sale (30 units, 2 refunded, three days ago: 1 a day) and a known level (7 on hand, none reserved).
    const ordered = data.variants.find((v) => v.sku === order.sku)!;
    const variant = data.variants.find((v) => v.productId !== ordered.productId)!;
    const siblings = data.variants.filter((v) => v.productId === variant.productId);
    const day = addDays(today, -3);
    await env.DB.batch([
      env.DB.prepare(
        'INSERT INTO report_product_daily (day, sku, product_id, units, gross, refunded_units) VALUES (?, ?, ?, 30, 3000, 2)',
      ).bind(day, variant.sku, variant.productId),
      env.DB.prepare('UPDATE inventory_levels SET on_hand = 7 WHERE sku = ?').bind(variant.sku),
    ]);
    const onHand = await env.DB.prepare(
      `SELECT sum(on_hand) AS n FROM inventory_levels WHERE sku IN (${siblings.map(() => '?').join(',')})`,
    )
      .bind(...siblings.map((v) => v.sku))
      .first<{ n: number }>();

    const byVariant = await products(`from=${day}&to=${today}&group=variant`);
    expect(byVariant.stockCover).toEqual({ from: addDays(today, -27), to: today, days: 28, lowerThan: 14 });
    expect(byVariant.rows.find((r) => r.key === variant.sku)).toMatchObject({ available: 7, cover: 7 });
    // The order placed above: its units net of refunded units (cancelled: none net).
    const ordered2 = byVariant.rows.find((r) => r.key === order.sku)!;
    expect(ordered2.available).toBeGreaterThan(0);
    expect(ordered2.cover).toBe(stockCover(ordered2.available!, ordered2.units - ordered2.refundedUnits));
    expect(byVariant.runningLow).toEqual([
      expect.objectContaining({ sku: variant.sku, available: 7, netUnits: 28, rate: 1, cover: 7 }),
    ]);

    const byProduct = await products(`from=${day}&to=${today}&group=product`);
    // A product lasts as long as its first variant to run out; its available units are all its SKUs'.
    expect(byProduct.rows.find((r) => r.key === variant.productId)).toEqual(
      expect.objectContaining({ available: onHand!.n, cover: 7 }),
    );
    const byCategory = await products(`from=${day}&to=${today}&group=category`);
    expect(byCategory.rows.every((r) => r.cover === null && r.available === null)).toBe(true);

    // Whatever the range: a month long ago lists no best sellers but the same SKU running low.
    const old = await products('from=2025-01-01&to=2025-01-31&group=variant');
    expect(old.rows).toEqual([]);
    expect(old.runningLow.map((s) => s.cover)).toEqual([7]);

    const csv = await api(
      `/api/admin/reports/products?from=${day}&to=${today}&group=variant&format=csv`,
      as(admin),
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toMatch(/,available,days of cover$/);
    expect(lines.find((l) => l.includes(variant.sku))).toMatch(/,7,7$/);
  });
});
