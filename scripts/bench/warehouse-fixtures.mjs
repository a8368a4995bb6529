/**
 * Bench fixtures for the warehouse queue: BENCH_ORDERS orders (100,000) inserted in bulk SQL into the bench's local
 * D1, a fifth of them still to ship, and a warehouse staff session (the demo seed's warehouse@demo.shop).
 */
import { writeFileSync } from 'node:fs';
import { capture } from '../lib.mjs';
import { nextClientIp } from './fixtures.mjs';

const T0 = Date.UTC(2025, 0, 1);

/**
 * The orders as SQL, the rules of db/repositories/warehouse.test.ts: order i placed i minutes after T0; status by
 * i mod 10 (0 pending, 1 processing, 2–6 shipped, 7–8 delivered, 9 cancelled: 20% open); two lines of seeded SKUs;
 * one payment, captured except every 7th (authorized); shipped orders have their shipments, and every 40th
 * processing order has shipped its first line. A re-run with another BENCH_ORDERS replaces them. Ids `ord_wb…` and numbers `WB-…` stay apart from real orders.
 */
function ordersSql(n) {
  return `
DELETE FROM shipment_lines WHERE shipment_id LIKE 'shp_wb%';
DELETE FROM shipments WHERE id LIKE 'shp_wb%';
DELETE FROM payments WHERE id LIKE 'pay_wb%';
DELETE FROM order_lines WHERE id LIKE 'ordl_wb%';
DELETE FROM orders WHERE id LIKE 'ord_wb%';
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
INSERT INTO orders (id, number, email, status, currency, subtotal_amount, total_amount, shipping_address,
  shipping_method, placed_at, updated_at)
SELECT printf('ord_wb%08d', i), printf('WB-%d', i), printf('buyer%d@example.com', i),
  CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'processing' WHEN 7 THEN 'delivered' WHEN 8 THEN 'delivered'
    WHEN 9 THEN 'cancelled' ELSE 'shipped' END,
  'USD', 3000, 3500,
  json_object('name', printf('Person %d', i), 'line1', '1 Main St', 'city', 'Springfield', 'region', 'IL',
    'postalCode', '62701', 'country', 'US'),
  'standard', ${T0} + i * 60000, ${T0} + i * 60000
FROM k;
WITH v AS (SELECT sku, row_number() OVER (ORDER BY id) - 1 AS n FROM product_variants LIMIT 200),
  c AS (SELECT count(*) AS total FROM v)
INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount, line_total_amount)
SELECT 'ordl_wb' || substr(o.id, 7) || '_' || jj.j, o.id, v.sku, 'Bench item', jj.j, 1000, 1000 * jj.j
FROM orders o CROSS JOIN (SELECT 1 AS j UNION ALL SELECT 2) jj CROSS JOIN c
  JOIN v ON v.n = (CAST(substr(o.id, 7) AS INTEGER) + jj.j) % c.total
WHERE o.id LIKE 'ord_wb%';
INSERT INTO shipments (id, order_id, carrier, tracking_number, shipped_at)
SELECT 'shp_wb' || substr(id, 7), id, 'other', NULL, placed_at FROM orders
WHERE id LIKE 'ord_wb%' AND (CAST(substr(id, 7) AS INTEGER) % 40 = 1 OR status IN ('shipped', 'delivered'));
INSERT INTO shipment_lines (shipment_id, order_line_id, quantity)
SELECT 'shp_wb' || substr(o.id, 7), l.id, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
WHERE o.id LIKE 'ord_wb%' AND (o.status IN ('shipped', 'delivered')
  OR (CAST(substr(o.id, 7) AS INTEGER) % 40 = 1 AND l.quantity = 1));
INSERT INTO payments (id, order_id, provider, provider_ref, amount, currency, status, created_at, updated_at)
SELECT 'pay_wb' || substr(id, 7), id, 'test', 'ref_' || id, 3500, 'USD',
  CASE WHEN CAST(substr(id, 7) AS INTEGER) % 7 = 0 THEN 'authorized' ELSE 'captured' END, placed_at, placed_at
FROM orders WHERE id LIKE 'ord_wb%';
ANALYZE;
`;
}

export function d1(persistDir, ...args) {
  return capture('npx', [
    'wrangler',
    'd1',
    'execute',
    'edgeshop',
    '--local',
    '--persist-to',
    persistDir,
    ...args,
  ]);
}

/** How many warehouse bench orders the store holds. */
export function warehouseOrders(persistDir) {
  return JSON.parse(
    d1(
      persistDir,
      '--json',
      '--command',
      "SELECT count(*) AS n FROM orders WHERE id >= 'ord_wb' AND id < 'ord_wc'",
    ),
  )[0].results[0].n;
}

/** Inserts the bench orders once per store (a later run finds them); returns how many there are. */
export function seedWarehouseOrders(persistDir, n) {
  const count = () => warehouseOrders(persistDir);
  const have = count();
  if (have >= n) return have;
  if (have > 0)
    throw new Error(`the bench store holds ${have} bench orders, not ${n}: run npm run db:reset for it`);
  writeFileSync('tmp/bench-warehouse-orders.sql', ordersSql(n));
  d1(persistDir, '--file', 'tmp/bench-warehouse-orders.sql');
  return count();
}

/** A warehouse staff session cookie (the demo seed's account). */
export function warehouseCookie(baseUrl) {
  return staffCookie(baseUrl, 'warehouse@demo.shop', 'warehouse-demo-1234');
}

/** A staff session cookie for one of the demo seed's accounts. */
export async function staffCookie(baseUrl, email, password) {
  const res = await fetch(`${baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextClientIp() },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`staff login as ${email} answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The queue's first `pages` page paths (the first, then each `next` cursor). */
export async function queuePages(baseUrl, cookie, pages) {
  const paths = ['/api/warehouse/queue'];
  let orders = 0;
  while (paths.length <= pages) {
    const res = await fetch(`${baseUrl}${paths.at(-1)}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`GET ${paths.at(-1)} answered ${res.status}`);
    const body = await res.json();
    orders += body.orders.length;
    if (!body.next) break;
    paths.push(`/api/warehouse/queue?after=${encodeURIComponent(body.next)}`);
  }
  return { paths: paths.slice(0, pages), ordersSeen: orders };
}
