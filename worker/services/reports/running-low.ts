/**
 * The "Running low" list of the products report: SKUs with less than LOW_COVER_DAYS of stock at the last 28 days'
 * rate. Finding them means adding up every SKU sold in the window (tens of thousands at a million orders, a few
 * hundred milliseconds), so the candidates — the CANDIDATES SKUs with the least cover, and their units sold — are kept
 * in the Workers Cache API under a key that changes with every sale or refund (today's sales row), every new SKU-day row (a sale on
 * another day) and a rebuild;
 * each read then takes their live available units and sorts again. Never staler than the last sale, and a page of
 * reports between two sales adds up the window once.
 */
import type { Db } from '@db/client';
import { readAvailable, readRecentSkuStock } from '@db/repositories/stock-cover';
import type { DaySpan } from '@domain/reports/range';
import { runningLow, stockCover } from '@domain/reports/stock-cover';
import { sql } from 'drizzle-orm';

/** SKUs kept as candidates: far more than the list shows, so live stock changes reorder them without missing one. */
const CANDIDATES = 200;

interface Candidate {
  sku: string;
  productId: string | null;
  name: string;
  netUnits: number;
}

/** What the candidates depend on: the window, today's sales and refunds, the newest SKU-day row, the last rebuild. */
async function candidatesKey(db: Db, window: DaySpan): Promise<string> {
  const [state] = await db.all<{
    orders: number | null;
    refunds: number | null;
    rows: number | null;
    rebuiltAt: number | null;
  }>(sql`
    SELECT (SELECT orders FROM report_sales_daily WHERE day = ${window.to}) AS orders,
      (SELECT refunds FROM report_sales_daily WHERE day = ${window.to}) AS refunds,
      (SELECT max(rowid) FROM report_product_daily) AS rows,
      (SELECT rebuilt_at FROM report_zone WHERE id = 1) AS rebuiltAt`);
  const stamp = [state?.orders, state?.refunds, state?.rows, state?.rebuiltAt].map((n) => n ?? 0).join('-');
  return `https://reports.internal/running-low/${window.from}/${window.to}/${stamp}`;
}

async function readCandidates(db: Db, window: DaySpan): Promise<Candidate[]> {
  const recent = await readRecentSkuStock(db, window);
  const withStock = recent.flatMap((s) => (s.available === null ? [] : [{ ...s, available: s.available }]));
  return withStock
    .map((s) => ({ ...s, cover: stockCover(s.available, s.netUnits) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.cover - b.cover || (a.sku < b.sku ? -1 : 1))
    .slice(0, CANDIDATES)
    .map(({ sku, productId, name, netUnits }) => ({ sku, productId, name, netUnits }));
}

/** The running-low list for the 28-day `window` ending today, with live available units. */
export async function readRunningLow(db: Db, window: DaySpan) {
  // Absent outside a Worker (a Node script): every read then adds up the window.
  const cache = typeof caches === 'undefined' ? undefined : (caches as unknown as { default: Cache }).default;
  const key = await candidatesKey(db, window);
  const hit = await cache?.match(key);
  let candidates: Candidate[];
  if (hit) {
    candidates = (await hit.json()) as Candidate[];
  } else {
    candidates = await readCandidates(db, window);
    await cache?.put(
      key,
      new Response(JSON.stringify(candidates), { headers: { 'Cache-Control': 'max-age=86400' } }),
    );
  }
  const levels = await readAvailable(db, { skus: candidates.map((c) => c.sku), productIds: [] });
  const available = new Map(levels.map((l) => [l.sku, l.available]));
  return runningLow(
    candidates.flatMap((c) => {
      const units = available.get(c.sku);
      return units === undefined ? [] : [{ ...c, available: units }];
    }),
  );
}
