/**
 * Bench fixtures for the reports (issue 11): BENCH_REPORT_ORDERS orders (1,000,000) over the two years before the
 * day of seeding, with their lines, refunds and promotion uses, and the traffic rollups of BENCH_REPORT_EVENTS
 * (5,000,000) page views over the same two years, written in bulk SQL into the bench's local D1.
 *
 * The report triggers (migration 0023 and later, every trigger named `report_…`) are dropped for the insert and put
 * back after it, and the rollups are marked never rebuilt: the first report request then runs the real rebuild
 * (worker/services/reports/upkeep.ts), which the bench times, instead of a million trigger runs here.
 *
 * The shape of the history: an order every ~63 s; 1–3 lines of SKUs drawn with a quadratic skew (a tenth of the
 * catalog sells about a third of the units); 250,000 shoppers, the first 100,000 with accounts; 10% of orders with a
 * 10% code discount and a confirmed use of one of the store's promotions; every 33rd order refunded its first line a
 * week later; destinations over 30 countries and regions. Traffic: each day about two thirds of the first 3,000 products' pages
 * viewed (fewer with fewer events), 3 views each on average, the home page, 30 referrers, 12 campaigns, 8 sources, 3 devices, 6 browsers, 25 countries, and
 * the funnel with order-placed visitors equal to the day's orders. Raw events are not written: reports read only
 * rollups, and a real store keeps raw events for 90 days at most.
 *
 * Ids `ord_rb…` stay apart from real orders; a store that already holds them is left as it is.
 */
import { writeFileSync } from 'node:fs';
import { d1 } from './warehouse-fixtures.mjs';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

const PLACES = [
  ['US', 'CA'],
  ['US', 'NY'],
  ['US', 'TX'],
  ['US', 'FL'],
  ['US', 'WA'],
  ['US', 'IL'],
  ['US', 'MA'],
  ['US', 'CO'],
  ['CA', 'ON'],
  ['CA', 'BC'],
  ['CA', 'QC'],
  ['GB', 'ENG'],
  ['GB', 'SCT'],
  ['DE', 'BE'],
  ['DE', 'BY'],
  ['FR', 'IDF'],
  ['FR', 'ARA'],
  ['NL', 'NH'],
  ['BE', 'BRU'],
  ['ES', 'MD'],
  ['IT', 'LOM'],
  ['SE', 'AB'],
  ['DK', '84'],
  ['IE', 'D'],
  ['AU', 'NSW'],
  ['AU', 'VIC'],
  ['NZ', 'AUK'],
  ['JP', '13'],
  ['MX', 'CMX'],
  ['BR', 'SP'],
];
const REFERRERS = Array.from({ length: 30 }, (_, i) =>
  i === 0
    ? ''
    : ['google.com', 'bing.com', 'duckduckgo.com', 'instagram.com', 'facebook.com'][i % 5] +
      (i > 4 ? `.${i}` : ''),
);
const CAMPAIGNS = Array.from({ length: 12 }, (_, i) => (i === 0 ? '' : `campaign-${i}`));
const SOURCES = ['', 'newsletter', 'google', 'instagram', 'facebook', 'partner', 'podcast', 'tiktok'];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet', 'Other'];
const COUNTRIES = [...new Set(PLACES.map(([c]) => c))]
  .concat(['PL', 'AT', 'CH', 'NO', 'FI', 'PT', 'SG'])
  .slice(0, 25);

/** The i-th of `count` shares falling in a straight line, adding up to 1 (the first value is the most common). */
const weight = (i, count) => (2 * (count - i)) / (count * (count + 1));

const values = (rows) =>
  rows.map((r) => `(${r.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`).join(',\n  ');

/** The fixture SQL for `n` orders and about `events` page views over the HISTORY_DAYS days before `endMs`. */
function reportSql(n, events, endMs) {
  const startMs = endMs - HISTORY_DAYS * DAY_MS;
  const step = Math.floor((HISTORY_DAYS * DAY_MS) / n);
  const perDay = events / HISTORY_DAYS;
  const dimension = (name, list, share) => `
INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
SELECT d.day, '${name}', l.value, max(1, CAST(d.views * ${share} * l.weight AS INTEGER)),
  max(1, CAST(d.views * ${share} * l.weight / 3 AS INTEGER))
FROM bench_days d CROSS JOIN (SELECT column1 AS value, column2 AS weight FROM (VALUES
  ${values(list.map((v, i) => [v, weight(i, list.length)]))})) l;`;
  return `
DROP TABLE IF EXISTS bench_variants;
DROP TABLE IF EXISTS bench_lines;
DROP TABLE IF EXISTS bench_places;
DROP TABLE IF EXISTS bench_promos;
DROP TABLE IF EXISTS bench_days;
DROP TABLE IF EXISTS bench_pages;
CREATE TABLE bench_variants (n INTEGER PRIMARY KEY, sku TEXT NOT NULL, price INTEGER NOT NULL);
INSERT INTO bench_variants SELECT row_number() OVER (ORDER BY id) - 1, sku, price_amount FROM product_variants;
CREATE TABLE bench_places (n INTEGER PRIMARY KEY, country TEXT NOT NULL, region TEXT NOT NULL);
INSERT INTO bench_places VALUES
  ${values(PLACES.map(([c, r], i) => [i, c, r]))};
CREATE TABLE bench_promos (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
INSERT INTO bench_promos SELECT row_number() OVER (ORDER BY id) - 1, id FROM promotions WHERE id NOT LIKE 'promo_bench%';
CREATE TABLE bench_lines (i INTEGER NOT NULL, j INTEGER NOT NULL, sku TEXT NOT NULL, qty INTEGER NOT NULL,
  unit INTEGER NOT NULL, total INTEGER NOT NULL, discount INTEGER NOT NULL, PRIMARY KEY (i, j)) WITHOUT ROWID;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n}),
  c AS (SELECT count(*) AS total FROM bench_variants),
  x AS (SELECT k.i, jj.j, ((k.i * 2654435761 + jj.j * 40503) % 1000003) / 1000003.0 AS u
    FROM k CROSS JOIN (SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3) jj WHERE jj.j <= 1 + k.i % 3)
INSERT INTO bench_lines
SELECT x.i, x.j, v.sku, 1 + (x.i * x.j) % 3, v.price, v.price * (1 + (x.i * x.j) % 3),
  CASE WHEN x.i % 10 = 3 THEN v.price * (1 + (x.i * x.j) % 3) / 10 ELSE 0 END
FROM x CROSS JOIN c JOIN bench_variants v ON v.n = CAST(c.total * x.u * x.u AS INTEGER);

INSERT INTO orders (id, number, customer_id, email, status, currency, subtotal_amount, discount_amount,
  shipping_amount, tax_amount, total_amount, shipping_address, shipping_method, discount_code, placed_at, updated_at)
SELECT printf('ord_rb%08d', s.i), printf('RB-%d', s.i),
  CASE WHEN s.k < 100000 THEN printf('cus_rb%06d', s.k) END, printf('shopper%06d@example.com', s.k),
  CASE WHEN s.i % 33 = 5 THEN 'partially_refunded' ELSE 'delivered' END, 'USD', s.sub, s.disc,
  CASE WHEN s.sub >= 5000 THEN 0 ELSE 599 END, (s.sub - s.disc) * 8 / 100,
  s.sub - s.disc + CASE WHEN s.sub >= 5000 THEN 0 ELSE 599 END + (s.sub - s.disc) * 8 / 100,
  json_object('name', printf('Shopper %d', s.k), 'line1', '1 Main St', 'city', 'Springfield',
    'region', p.region, 'postalCode', '00000', 'country', p.country),
  'standard', CASE WHEN s.disc > 0 THEN printf('BENCH%02d', s.i % 40) END, s.at, s.at
FROM (SELECT i, sum(total) AS sub, sum(discount) AS disc, (i * 7919) % 250000 AS k, ${startMs} + i * ${step} AS at
  FROM bench_lines GROUP BY i) s
JOIN bench_places p ON p.n = (s.i * 7) % ${PLACES.length};

INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount, line_total_amount, discount_amount)
SELECT printf('ordl_rb%08d_%d', i, j), printf('ord_rb%08d', i), sku, 'Bench item', qty, unit, total, discount
FROM bench_lines;

INSERT INTO refunds (id, order_id, amount, currency, reason, status, created_at)
SELECT printf('rfd_rb%08d', i), printf('ord_rb%08d', i), total - discount, 'USD', 'Bench refund', 'succeeded',
  ${startMs} + i * ${step} + 7 * ${DAY_MS}
FROM bench_lines WHERE j = 1 AND i % 33 = 5 AND total > discount AND ${startMs} + i * ${step} + 7 * ${DAY_MS} < ${endMs};
INSERT INTO refund_lines (refund_id, line_id, quantity, restocked)
SELECT printf('rfd_rb%08d', i), printf('ordl_rb%08d_1', i), qty, 0
FROM bench_lines WHERE j = 1 AND i % 33 = 5 AND total > discount AND ${startMs} + i * ${step} + 7 * ${DAY_MS} < ${endMs};

INSERT INTO promotion_uses (id, promotion_id, code, usage_email, checkout_id, order_id, state, expires_at,
  created_at, confirmed_at, discount_amount)
SELECT 'pu_rb' || substr(o.id, 7), p.id, o.discount_code, o.email, 'chk_rb' || substr(o.id, 7), o.id, 'confirmed',
  o.placed_at + 900000, o.placed_at, o.placed_at, o.discount_amount
FROM orders o JOIN bench_promos p ON p.n = CAST(substr(o.id, 7) AS INTEGER) % (SELECT max(1, count(*)) FROM bench_promos)
WHERE o.id >= 'ord_rb' AND o.id < 'ord_rc' AND o.discount_amount > 0;

CREATE TABLE bench_days (day TEXT PRIMARY KEY, views INTEGER NOT NULL, orders INTEGER NOT NULL);
WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < ${HISTORY_DAYS - 1})
INSERT INTO bench_days
SELECT date((${startMs} + i * ${DAY_MS}) / 1000, 'unixepoch'),
  CAST(${perDay} * (0.85 + 0.3 * ((i % 7) IN (5, 6)) + 0.1 * ((i * 37) % 11) / 10.0) AS INTEGER),
  ${Math.round(n / HISTORY_DAYS)}
FROM d;
CREATE TABLE bench_pages (n INTEGER PRIMARY KEY, id TEXT NOT NULL, path TEXT NOT NULL);
INSERT INTO bench_pages SELECT row_number() OVER (ORDER BY id) - 1, id, '/p/' || slug FROM products
  LIMIT ${Math.max(30, Math.min(3000, Math.round(perDay / 2)))};
DELETE FROM report_traffic_daily;
DELETE FROM report_funnel_daily;
INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
SELECT d.day, 'page', p.path, 1 + (p.n * 13 + length(d.day) * 7 + CAST(substr(d.day, 9) AS INTEGER)) % 5, 1
FROM bench_days d JOIN bench_pages p ON (p.n + CAST(substr(d.day, 9) AS INTEGER) * 97) % 3 <> 0;
INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
SELECT r.day, 'product', p.id, r.views, r.visitors FROM report_traffic_daily r JOIN bench_pages p ON p.path = r.value
WHERE r.dimension = 'page';
INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
SELECT day, 'page', '/', views / 8, views / 24 FROM bench_days;
INSERT INTO report_traffic_daily (day, dimension, value, views, visitors)
SELECT day, 'total', '', sum(views), max(1, sum(views) / 3) FROM report_traffic_daily WHERE dimension = 'page' GROUP BY day;
UPDATE bench_days SET views = (SELECT r.views FROM report_traffic_daily r WHERE r.day = bench_days.day
  AND r.dimension = 'total' AND r.value = '');
${dimension('referrer', REFERRERS, 1)}
${dimension('utm_campaign', CAMPAIGNS, 1)}
${dimension('utm_source', SOURCES, 1)}
${dimension('device', DEVICES, 1)}
${dimension('browser', BROWSERS, 1)}
${dimension('country', COUNTRIES, 1)}
INSERT INTO report_funnel_daily (day, step, visitors, events)
SELECT day, 'product_view', views / 4, views / 2 FROM bench_days
UNION ALL SELECT day, 'add_to_cart', orders * 7 / 2, orders * 5 FROM bench_days
UNION ALL SELECT day, 'checkout_started', orders * 2, orders * 2 FROM bench_days
UNION ALL SELECT day, 'order_placed', orders, orders FROM bench_days;

DROP TABLE bench_variants;
DROP TABLE bench_lines;
DROP TABLE bench_places;
DROP TABLE bench_promos;
DROP TABLE bench_days;
DROP TABLE bench_pages;
UPDATE report_zone SET rebuilt_at = NULL;
ANALYZE;
`;
}

const query = (persistDir, sql) => JSON.parse(d1(persistDir, '--json', '--command', sql))[0].results;

/** How many bench report orders the store holds. */
export function reportHistoryOrders(persistDir) {
  return query(persistDir, "SELECT count(*) AS n FROM orders WHERE id >= 'ord_rb' AND id < 'ord_rc'")[0].n;
}

/**
 * Seeds the report history into a store no server is running on (a running workerd does not expect another process
 * to rewrite its database under it, and drops its connections). The report triggers on the source tables (orders,
 * lines, refunds, promotion uses: every `report_…` trigger not on a rollup table) are dropped for the insert and
 * created again from their own SQL; the triggers that keep the monthly rollups from the daily ones stay on.
 */
export function seedReportHistory(persistDir, n, events, log) {
  const t0 = Date.now();
  const triggers = query(
    persistDir,
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report\\_%' ESCAPE '\\' AND tbl_name NOT LIKE 'report\\_%' ESCAPE '\\'",
  );
  const end = new Date();
  end.setUTCHours(0, 0, 0, 0);
  const sqlText = [
    ...triggers.map((t) => `DROP TRIGGER ${t.name};`),
    reportSql(n, events, end.getTime()),
    ...triggers.map((t) => `${t.sql};`),
  ].join('\n');
  writeFileSync('tmp/bench-report-history.sql', sqlText);
  log?.(
    `report history: inserting ${n.toLocaleString('en')} orders (${triggers.length} report triggers off)…`,
  );
  d1(persistDir, '--file', 'tmp/bench-report-history.sql');
  log?.(`report history: inserted in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** What the store holds for the reports: orders, lines, refunds, confirmed promotion uses and traffic. */
export function reportHistoryStats(persistDir) {
  return query(
    persistDir,
    `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines,
      (SELECT count(*) FROM refunds) AS refunds, (SELECT count(*) FROM promotion_uses WHERE state = 'confirmed') AS uses,
      (SELECT coalesce(sum(views), 0) FROM report_traffic_daily WHERE dimension = 'total') AS pageViews,
      (SELECT count(*) FROM report_traffic_daily) AS trafficRows,
      (SELECT count(*) FROM report_product_daily) AS productRows,
      (SELECT min(day) FROM report_traffic_daily) AS firstDay, (SELECT max(day) FROM report_traffic_daily) AS lastDay`,
  )[0];
}
