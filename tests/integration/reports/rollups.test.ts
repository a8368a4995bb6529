/**
 * The report rollups on real D1: thousands of random orders, lines, refunds (some confirmed later, some failed, some
 * succeeded and then failed) and promotion uses (some confirmed later) across a DST change, in New York days, by
 * accounts and by guests whose emails differ in case. What the triggers kept must equal what this file computes on
 * its own in JavaScript, to the cent, and the rebuild must give the same rows again; the same for the lifetime
 * per-customer totals.
 */
import { env } from 'cloudflare:workers';
import { createDb } from '@db/client';
import {
  markRebuiltStatement,
  readReportZone,
  rebuildCustomerTotalsStatements,
  rebuildRangeStatements,
  setReportZoneStatements,
} from '@db/repositories/report-rollups';
import { readCountrySales, readProductSales } from '@db/repositories/reports';
import type { SeedData } from '@db/seed/generate';
import { reportRange } from '@domain/reports/range';
import { rebuildProgress } from '@domain/reports/rebuild';
import { addDays, localDay, startOfLocalDay, zoneOffsets } from '@domain/reports/time-zone';
import { createStaff } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { changeReportZone, readyReportZone } from '@worker/services/reports/upkeep';
import { beforeAll, describe, expect, it } from 'vitest';

const ZONE = 'America/New_York';
let offsets = zoneOffsets(ZONE, 2025, 2028);
const db = () => createDb(env);

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Order = {
  id: string;
  email: string;
  customerId: string | null;
  placedAt: number;
  country: string;
  region: string;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  lines: { id: string; sku: string; quantity: number; lineTotal: number; discount: number }[];
};
type Refund = {
  id: string;
  orderId: string;
  amount: number;
  createdAt: number;
  status: 'succeeded' | 'pending' | 'failed';
  /** Moved to succeeded after its lines were written (a provider confirming later). */
  confirmLater: boolean;
  /** Succeeded, then failed later (a provider reversing it): it counts nowhere in the end. */
  revokeLater: boolean;
  lines: { lineId: string; quantity: number }[];
};
type Use = {
  id: string;
  promotionId: string;
  code: string | null;
  orderId: string;
  discount: number;
  at: number;
  confirmLater: boolean;
};

const SEED = 20261102;
let orders: Order[] = [];
let refunds: Refund[] = [];
let uses: Use[] = [];
let productOf: Map<string, string>;

function generate(data: SeedData, promotionIds: string[]) {
  const random = rng(SEED);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const skus = data.variants.map((v) => v.sku);
  const start = Date.parse('2026-10-20T00:00:00Z');
  const span = 30 * 86_400_000;
  const times = Array.from({ length: 2500 }, () => start + Math.floor(random() * span)).sort((a, b) => a - b);
  const places = [
    ['US', 'NY'],
    ['US', 'CA'],
    ['DE', ''],
    ['GB', ''],
  ] as const;
  orders = times.map((placedAt, i) => {
    const account = random() < 0.4 ? int(1, 50) : null;
    const email = account
      ? random() < 0.8
        ? `account${account}@example.com`
        : `alt${int(1, 20)}@example.org`
      : `guest${int(1, 300)}@example.net`;
    const lines = Array.from({ length: int(1, 3) }, (_, j) => {
      const quantity = int(1, 4);
      const lineTotal = quantity * int(500, 20_000);
      return { id: `oln_r${i}_${j}`, sku: pick(skus), quantity, lineTotal, discount: int(0, lineTotal / 5) };
    });
    const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
    const discount = lines.reduce((s, l) => s + l.discount, 0);
    const shipping = int(0, 1500);
    const tax = int(0, 2000);
    const [country, region] = pick(places);
    return {
      id: `ord_r${String(i).padStart(5, '0')}`,
      // Some in capitals (from the index, so the random sequence is unchanged): a guest is one customer whatever
      // the case, while new-vs-returning compares emails exactly, as before.
      email: i % 7 === 3 ? email.toUpperCase() : email,
      customerId: account ? `cus_r${account}` : null,
      placedAt,
      country,
      region,
      subtotal,
      discount,
      shipping,
      tax,
      total: subtotal - discount + shipping + tax,
      lines,
    };
  });
  refunds = [];
  uses = [];
  for (const o of orders) {
    if (random() < 0.15) {
      const status = pick(['succeeded', 'succeeded', 'succeeded', 'pending', 'failed'] as const);
      const byLine = random() < 0.6;
      const line = pick(o.lines);
      refunds.push({
        id: `ref_r${refunds.length}`,
        orderId: o.id,
        amount: int(1, o.total),
        createdAt: o.placedAt + int(60_000, 10 * 86_400_000),
        status,
        confirmLater: status === 'pending' && random() < 0.7,
        revokeLater: status === 'succeeded' && refunds.length % 9 === 4,
        lines: byLine ? [{ lineId: line.id, quantity: int(1, line.quantity) }] : [],
      });
    }
    if (o.discount > 0 && random() < 0.3) {
      uses.push({
        id: `pus_r${uses.length}`,
        promotionId: pick(promotionIds),
        code: random() < 0.5 ? pick(['WELCOME10', 'SAVE15']) : null,
        orderId: o.id,
        discount: o.discount,
        at: o.placedAt,
        confirmLater: random() < 0.5,
      });
    }
  }
}

/** D1 batches of prepared statements, a few hundred at a time. */
async function run(statements: D1PreparedStatement[]) {
  for (let i = 0; i < statements.length; i += 400) await env.DB.batch(statements.slice(i, i + 400));
}

async function write() {
  const statements: D1PreparedStatement[] = [];
  for (const o of orders) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO orders (id, number, customer_id, email, status, currency, subtotal_amount, discount_amount,
          shipping_amount, tax_amount, total_amount, shipping_address, shipping_method, placed_at, updated_at)
         VALUES (?, ?, ?, ?, 'delivered', 'USD', ?, ?, ?, ?, ?, ?, 'Standard', ?, ?)`,
      ).bind(
        o.id,
        `R${o.id}`,
        o.customerId,
        o.email,
        o.subtotal,
        o.discount,
        o.shipping,
        o.tax,
        o.total,
        JSON.stringify({
          name: 'A',
          line1: '1 Main St',
          city: 'X',
          region: o.region,
          postalCode: '1',
          country: o.country,
        }),
        o.placedAt,
        o.placedAt,
      ),
      ...o.lines.map((l) =>
        env.DB.prepare(
          `INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount, line_total_amount,
            discount_amount) VALUES (?, ?, ?, 'P', ?, ?, ?, ?)`,
        ).bind(l.id, o.id, l.sku, l.quantity, l.lineTotal / l.quantity, l.lineTotal, l.discount),
      ),
    );
  }
  for (const r of refunds) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO refunds (id, order_id, amount, currency, status, created_at) VALUES (?, ?, ?, 'USD', ?, ?)`,
      ).bind(r.id, r.orderId, r.amount, r.status, r.createdAt),
      ...r.lines.map((l) =>
        env.DB.prepare(
          'INSERT INTO refund_lines (refund_id, line_id, quantity, restocked) VALUES (?, ?, ?, 0)',
        ).bind(r.id, l.lineId, l.quantity),
      ),
    );
  }
  for (const u of uses) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO promotion_uses (id, promotion_id, code, checkout_id, order_id, discount_amount, state,
          expires_at, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        u.id,
        u.promotionId,
        u.code,
        `chk_${u.id}`,
        u.orderId,
        u.discount,
        u.confirmLater ? 'held' : 'confirmed',
        u.at + 900_000,
        u.at,
        u.confirmLater ? null : u.at,
      ),
    );
  }
  await run(statements);
  // Later: providers confirm refunds (and reverse some that had succeeded), payments confirm held uses.
  await run([
    ...refunds
      .filter((r) => r.revokeLater)
      .map((r) => env.DB.prepare(`UPDATE refunds SET status = 'failed' WHERE id = ?`).bind(r.id)),
    ...refunds
      .filter((r) => r.confirmLater)
      .map((r) => env.DB.prepare(`UPDATE refunds SET status = 'succeeded' WHERE id = ?`).bind(r.id)),
    ...uses
      .filter((u) => u.confirmLater)
      .map((u) =>
        env.DB.prepare(`UPDATE promotion_uses SET state = 'confirmed', confirmed_at = ? WHERE id = ?`).bind(
          u.at,
          u.id,
        ),
      ),
  ]);
}

type Row = Record<string, string | number | null>;

/** Adds `values` into the row of `key` in `table` (created with `base`). */
function add(table: Map<string, Row>, key: string, base: Row, values: Record<string, number>) {
  const row = table.get(key) ?? { ...base };
  for (const [k, v] of Object.entries(values)) row[k] = Number(row[k] ?? 0) + v;
  table.set(key, row);
}

/** Whether a generated refund counts in the end (succeeded at last, not reversed). */
function counts(r: Refund): boolean {
  return (r.status === 'succeeded' || r.confirmLater) && !r.revokeLater;
}

/** The per-customer lifetime totals: accounts by id, guests by lower-cased email (db/schema/reports.ts, in JS). */
function expectedCustomers(): Map<string, Row> {
  const keyOf = (o: Order) => o.customerId ?? `guest:${o.email.toLowerCase()}`;
  const customers = new Map<string, Row>();
  for (const o of orders) {
    const key = keyOf(o);
    const email = o.email.toLowerCase();
    const was = customers.get(key);
    // The email of the latest order (equal times: the greater email).
    const latest =
      !was ||
      o.placedAt > Number(was.lastOrderAt) ||
      (o.placedAt === Number(was.lastOrderAt) && email > String(was.email));
    add(
      customers,
      key,
      { customerKey: key, customerId: o.customerId, refunds: 0 },
      { orders: 1, gross: o.subtotal, discounts: o.discount, net: o.subtotal - o.discount, total: o.total },
    );
    const row = customers.get(key)!;
    if (latest) row.email = email;
    row.firstOrderAt = Math.min(Number(was?.firstOrderAt ?? o.placedAt), o.placedAt);
    row.lastOrderAt = Math.max(Number(was?.lastOrderAt ?? o.placedAt), o.placedAt);
  }
  const orderById = new Map(orders.map((o) => [o.id, o]));
  for (const r of refunds) {
    if (!counts(r)) continue;
    const o = orderById.get(r.orderId)!;
    add(customers, keyOf(o), {}, { refunds: r.amount, net: -r.amount });
  }
  return customers;
}

/** The four rollups, computed here from the generated rows (the definition in db/schema/reports.ts, in JS). */
function expected() {
  const day = (at: number) => localDay(offsets, at);
  const sales = new Map<string, Row>();
  const products = new Map<string, Row>();
  const countries = new Map<string, Row>();
  const promotions = new Map<string, Row>();
  const seenEmails = new Set<string>();
  const seenAccounts = new Set<string>();
  const lines = new Map<string, Order['lines'][number]>();
  const orderById = new Map(orders.map((o) => [o.id, o]));
  for (const o of orders) {
    const d = day(o.placedAt);
    const returning = seenEmails.has(o.email) || (o.customerId !== null && seenAccounts.has(o.customerId));
    seenEmails.add(o.email);
    if (o.customerId) seenAccounts.add(o.customerId);
    add(
      sales,
      d,
      { day: d },
      {
        orders: 1,
        units: o.lines.reduce((s, l) => s + l.quantity, 0),
        gross: o.subtotal,
        discounts: o.discount,
        shipping: o.shipping,
        tax: o.tax,
        total: o.total,
        refunds: 0,
        newCustomerOrders: returning ? 0 : 1,
        accountOrders: o.customerId ? 1 : 0,
      },
    );
    add(
      countries,
      `${d}|${o.country}|${o.region}`,
      { day: d, country: o.country, region: o.region },
      {
        orders: 1,
        net: o.subtotal - o.discount,
        total: o.total,
      },
    );
    for (const l of o.lines) {
      lines.set(l.id, l);
      add(
        products,
        `${d}|${l.sku}`,
        { day: d, sku: l.sku, productId: productOf.get(l.sku) ?? null },
        {
          units: l.quantity,
          gross: l.lineTotal,
          discounts: l.discount,
          refundedUnits: 0,
          refunded: 0,
        },
      );
    }
  }
  for (const r of refunds) {
    if (!counts(r)) continue;
    const d = day(r.createdAt);
    add(sales, d, { day: d }, { refunds: r.amount });
    for (const rl of r.lines) {
      const l = lines.get(rl.lineId)!;
      add(
        products,
        `${d}|${l.sku}`,
        { day: d, sku: l.sku, productId: productOf.get(l.sku) ?? null },
        {
          refundedUnits: rl.quantity,
          refunded: Math.trunc(((l.lineTotal - l.discount) * rl.quantity) / l.quantity),
        },
      );
    }
  }
  for (const u of uses) {
    const d = day(u.at);
    const code = u.code ?? '';
    add(
      promotions,
      `${d}|${u.promotionId}|${code}`,
      { day: d, promotionId: u.promotionId, code },
      {
        uses: 1,
        discount: u.discount,
        revenue: orderById.get(u.orderId)!.total,
      },
    );
  }
  return { sales, products, countries, promotions, customers: expectedCustomers() };
}

/** Rows with anything in them, in key order, numbers as numbers. */
function tidy(rows: Row[], keys: string[]) {
  return rows
    .map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    )
    .filter((r) => Object.entries(r).some(([k, v]) => !keys.includes(k) && k !== 'productId' && v !== 0))
    .sort((a, b) =>
      keys
        .map((k) => String(a[k]))
        .join('|')
        .localeCompare(keys.map((k) => String(b[k])).join('|')),
    );
}

async function actual() {
  const read = async (query: string) => (await env.DB.prepare(query).all<Row>()).results;
  return {
    sales: tidy(
      await read(`SELECT day, orders, units, gross, discounts, shipping, tax, total, refunds,
        new_customer_orders AS newCustomerOrders, account_orders AS accountOrders FROM report_sales_daily`),
      ['day'],
    ),
    products: tidy(
      await read(`SELECT day, sku, product_id AS productId, units, gross, discounts, refunded_units AS refundedUnits,
        refunded FROM report_product_daily`),
      ['day', 'sku'],
    ),
    countries: tidy(await read('SELECT day, country, region, orders, net, total FROM report_country_daily'), [
      'day',
      'country',
      'region',
    ]),
    promotions: tidy(
      await read(
        'SELECT day, promotion_id AS promotionId, code, uses, discount, revenue FROM report_promotion_daily',
      ),
      ['day', 'promotionId', 'code'],
    ),
    customers: tidy(
      await read(`SELECT customer_key AS customerKey, customer_id AS customerId, email, orders, gross, discounts,
        refunds, net, total, first_order_at AS firstOrderAt, last_order_at AS lastOrderAt FROM report_customer_totals`),
      ['customerKey'],
    ),
    productMonths: tidy(
      await read(`SELECT month, sku, product_id AS productId, units, gross, discounts, refunded_units AS refundedUnits,
        refunded FROM report_product_monthly`),
      ['month', 'sku'],
    ),
    countryMonths: tidy(
      await read('SELECT month, country, region, orders, net, total FROM report_country_monthly'),
      ['month', 'country', 'region'],
    ),
    productKeyMonths: tidy(
      await read('SELECT month, key, units, gross FROM report_product_monthly_products'),
      ['month', 'key'],
    ),
  };
}

/** Daily rows added up per month of their day, as the monthly rollups should hold them. */
function byMonth(rows: Row[], keys: string[]): Row[] {
  const months = new Map<string, Row>();
  for (const { day, ...r } of rows) {
    const month = String(day).slice(0, 7);
    const key = [month, ...keys.map((k) => r[k])].join('|');
    const into = months.get(key) ?? { month, ...Object.fromEntries(keys.map((k) => [k, r[k]])) };
    for (const [k, v] of Object.entries(r)) {
      if (!keys.includes(k) && typeof v === 'number') into[k] = (Number(into[k]) || 0) + v;
      else if (!keys.includes(k)) into[k] = v;
    }
    months.set(key, into);
  }
  return tidy([...months.values()], ['month', ...keys]);
}

function want() {
  const e = expected();
  const full = (m: Map<string, Row>, keys: string[], zero: Record<string, number>) =>
    tidy(
      [...m.values()].map((r) => ({ ...zero, ...r })),
      keys,
    );
  return {
    sales: full(e.sales, ['day'], {
      orders: 0,
      units: 0,
      gross: 0,
      discounts: 0,
      shipping: 0,
      tax: 0,
      total: 0,
      refunds: 0,
      newCustomerOrders: 0,
      accountOrders: 0,
    }),
    products: full(e.products, ['day', 'sku'], {
      units: 0,
      gross: 0,
      discounts: 0,
      refundedUnits: 0,
      refunded: 0,
    }),
    countries: full(e.countries, ['day', 'country', 'region'], {}),
    promotions: full(e.promotions, ['day', 'promotionId', 'code'], {}),
    customers: full(e.customers, ['customerKey'], {}),
  };
}

/** What the monthly rollups must hold, from the expected daily rows. */
function wantMonths() {
  const daily = want();
  return {
    productMonths: byMonth(daily.products, ['sku']),
    countryMonths: byMonth(daily.countries, ['country', 'region']),
    // Units and gross by product (a row without one by its SKU); months with neither are not kept.
    productKeyMonths: byMonth(
      daily.products.map(
        (r): Row => ({ day: r.day!, key: r.productId ?? r.sku!, units: r.units!, gross: r.gross! }),
      ),
      ['key'],
    ).filter((r) => r.units !== 0 || r.gross !== 0),
  };
}

beforeAll(async () => {
  const data = await seedSmallStore();
  productOf = new Map(data.variants.map((v) => [v.sku, v.productId]));
  const promotionIds = data.promotions.map((p) => p.id).slice(0, 3);
  await db().batch(setReportZoneStatements(db(), ZONE, offsets));
  generate(data, promotionIds);
  await write();
}, 120_000);

describe('report rollups', () => {
  it('the triggers keep every rollup equal to a direct computation, to the cent, in New York days', async () => {
    const got = await actual();
    const expect_ = want();
    expect(got.sales.length).toBeGreaterThan(25);
    expect(got.sales).toEqual(expect_.sales);
    expect(got.products).toEqual(expect_.products);
    expect(got.countries).toEqual(expect_.countries);
    expect(got.promotions).toEqual(expect_.promotions);
    expect(got.customers).toEqual(expect_.customers);
    // Accounts and guests both, a guest's orders in any case counted as one customer, refunds reversed.
    expect(got.customers.filter((c) => c.customerId !== null).length).toBeGreaterThan(40);
    expect(got.customers.filter((c) => c.customerId === null).length).toBeGreaterThan(250);
    expect(orders.some((o) => o.email !== o.email.toLowerCase() && !o.customerId)).toBe(true);
    expect(refunds.filter((r) => r.revokeLater).length).toBeGreaterThan(10);
    const months = wantMonths();
    expect(got.productMonths.length).toBeGreaterThan(10);
    expect(got.productMonths).toEqual(months.productMonths);
    expect(got.countryMonths).toEqual(months.countryMonths);
    expect(got.productKeyMonths.length).toBeGreaterThan(10);
    expect(got.productKeyMonths).toEqual(months.productKeyMonths);
    // The day the clocks went back has 25 hours of orders, and no order strays into the wrong day.
    const nov1 = expect_.sales.find((r) => r.day === '2026-11-01');
    expect(nov1?.orders).toBe(orders.filter((o) => localDay(offsets, o.placedAt) === '2026-11-01').length);
  });

  it('a range over whole months reads them from the monthly rollups, with the same answer as the days', async () => {
    const span = reportRange({ from: '2026-10-25', to: '2026-12-05', compare: 'none' }).current;
    const fromDays = async (query: string) =>
      (await env.DB.prepare(query).bind(span.from, span.end).all<Row>()).results;
    const products = await readProductSales(db(), span, 'variant', 'units', 10_000);
    const dailyProducts =
      await fromDays(`SELECT sku, sum(units) AS units, sum(gross) - sum(discounts) - sum(refunded) AS net
      FROM report_product_daily WHERE day >= ?1 AND day < ?2 GROUP BY sku`);
    expect(products.length).toBe(dailyProducts.length);
    expect(products.map((p) => ({ sku: p.key, units: p.units, net: p.net }))).toEqual(
      expect.arrayContaining(dailyProducts.map((r) => ({ sku: r.sku, units: r.units, net: r.net }))),
    );
    const places = await readCountrySales(db(), span, true, 10_000);
    const dailyPlaces =
      await fromDays(`SELECT country, region, sum(orders) AS orders, sum(net) AS net, sum(total) AS total
      FROM report_country_daily WHERE day >= ?1 AND day < ?2 GROUP BY 1, 2`);
    expect(tidy(places, ['country', 'region'])).toEqual(tidy(dailyPlaces, ['country', 'region']));
  });

  it('the rebuild of every day, or of a few days in the middle, writes the same rows again', async () => {
    const before = await actual();
    await env.DB.exec(
      'UPDATE report_sales_daily SET gross = gross + 1; DELETE FROM report_product_daily WHERE rowid % 3 = 0; ' +
        'UPDATE report_customer_totals SET net = net + 1, orders = 9; DELETE FROM report_customer_totals WHERE rowid % 4 = 0',
    );
    const range = (fromDay: string, toDay: string) => ({
      fromDay,
      toDay,
      fromMs: startOfLocalDay(offsets, fromDay),
      toMs: startOfLocalDay(offsets, toDay),
    });
    await db().batch([
      ...rebuildRangeStatements(db(), range('2026-10-01', '2026-12-15')),
      ...rebuildCustomerTotalsStatements(db()),
      markRebuiltStatement(db(), 1),
    ] as never);
    expect(await actual()).toEqual(before);

    await env.DB.exec(
      "UPDATE report_country_daily SET net = 0 WHERE day BETWEEN '2026-10-30' AND '2026-11-02'",
    );
    await db().batch(rebuildRangeStatements(db(), range('2026-10-30', addDays('2026-11-02', 1))) as never);
    expect(await actual()).toEqual(before);
    expect((await readReportZone(db())).rebuiltAt).toBe(1);
  });

  it('a new report time zone recounts every day in it, and is audited; a made-up zone is refused', async () => {
    const staff = await createStaff(['admin']);
    const actor = { id: staff.id, email: staff.email, name: 'A', roles: ['admin'] } as never;
    const refused = await changeReportZone(db(), actor, 'Mars/Olympus', Date.now());
    expect(refused.ok).toBe(false);
    expect((await readReportZone(db())).timeZone).toBe(ZONE);

    const changed = await changeReportZone(db(), actor, 'Asia/Tokyo', Date.now());
    expect(changed.ok && changed.value.months).toBeGreaterThan(1);
    offsets = zoneOffsets('Asia/Tokyo', 2025, 2028);
    const got = await actual();
    const expect_ = want();
    expect(got.sales).toEqual(expect_.sales);
    expect(got.products).toEqual(expect_.products);
    expect(got.promotions).toEqual(expect_.promotions);
    expect(got.customers).toEqual(expect_.customers);
    expect(got.productMonths).toEqual(wantMonths().productMonths);
    expect(got.countryMonths).toEqual(wantMonths().countryMonths);
    expect(got.productKeyMonths).toEqual(wantMonths().productKeyMonths);
    const audit = await env.DB.prepare(
      `SELECT after FROM audit_log WHERE action = 'reports.time-zone'`,
    ).first<{
      after: string;
    }>();
    expect(JSON.parse(audit!.after)).toEqual({ timeZone: 'Asia/Tokyo' });
  });

  it('with the REPORTS queue, a zone change answers at once and the consumer recounts every month in the background', async () => {
    const staff = await createStaff(['admin']);
    const actor = { id: staff.id, email: staff.email, name: 'A', roles: ['admin'] } as never;
    const changed = await changeReportZone(db(), actor, 'Europe/London', Date.now(), env.REPORTS);
    expect(changed.ok).toBe(true);
    const started = changed.ok ? changed.value.rebuilding : null;
    expect(started?.done).toBe(0);
    expect(started?.total).toBeGreaterThanOrEqual(3);
    // Readers see the job's progress (not a second job, and not an inline rebuild).
    const first = (await readyReportZone(db(), Date.now(), env.REPORTS)).rebuilding;
    expect(first?.total).toBe(started?.total);
    expect(first!.done).toBeLessThan(first!.total);

    // The consumer (this Worker's queue() handler) runs one month per message; wait for the last.
    const deadline = Date.now() + 60_000;
    const seen: number[] = [];
    let zone = await readReportZone(db());
    while (zone.rebuiltAt === null && Date.now() < deadline) {
      if (zone.rebuild) seen.push(rebuildProgress(zone.rebuild).done);
      await new Promise((resolve) => setTimeout(resolve, 100));
      zone = await readReportZone(db());
    }
    expect(zone).toMatchObject({ timeZone: 'Europe/London', rebuild: null });
    expect(zone.rebuiltAt).not.toBeNull();
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await readyReportZone(db(), Date.now(), env.REPORTS)).rebuilding).toBeNull();

    offsets = zoneOffsets('Europe/London', 2025, 2028);
    const got = await actual();
    const expect_ = want();
    expect(got.sales).toEqual(expect_.sales);
    expect(got.products).toEqual(expect_.products);
    expect(got.countries).toEqual(expect_.countries);
    expect(got.promotions).toEqual(expect_.promotions);
    expect(got.customers).toEqual(expect_.customers);
    expect(got.productMonths).toEqual(wantMonths().productMonths);
    expect(got.countryMonths).toEqual(wantMonths().countryMonths);
    expect(got.productKeyMonths).toEqual(wantMonths().productKeyMonths);

    // The job folded every finished day into the running totals: a long range reads them, with the same answer.
    const today = localDay(offsets, Date.now());
    const mark = { through: zone.runningThrough, totalsThrough: zone.totalsThrough };
    expect(mark).toEqual({ through: today, totalsThrough: today });
    const long = reportRange({ from: '2026-09-01', to: today, compare: 'none' }).current;
    for (const group of ['variant', 'product', 'category'] as const) {
      const running = await readProductSales(db(), long, group, 'net', 10_000, mark);
      expect(running.length).toBeGreaterThan(0);
      expect(running).toEqual(await readProductSales(db(), long, group, 'net', 10_000));
    }
  }, 90_000);
});
