/**
 * Report scenarios (issue 11): every report API over ranges from a week to two years, and the dashboard page, as the
 * demo administrator, over a store seeded with BENCH_REPORT_ORDERS orders and BENCH_REPORT_EVENTS page views
 * (scripts/bench/report-fixtures.mjs). The targets at one connection: p50 under 50 ms and p95 under 150 ms
 * for every report, under 100 ms for the dashboard.
 */
import { reportHistoryStats } from './report-fixtures.mjs';
import { staffCookie } from './warehouse-fixtures.mjs';

export const REPORT_ORDERS = Number(process.env.BENCH_REPORT_ORDERS ?? 1_000_000);
export const REPORT_EVENTS = Number(process.env.BENCH_REPORT_EVENTS ?? 5_000_000);

/** 'YYYY-MM-DD' `days` days before today (UTC). */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Ranges a merchant picks: the last week, 30 days, a quarter, a year against the last, and two whole years. */
function ranges() {
  const to = daysAgo(1);
  return [
    `from=${daysAgo(7)}&to=${to}&grain=day`,
    `from=${daysAgo(30)}&to=${to}&grain=day`,
    `from=${daysAgo(91)}&to=${to}&grain=week&compare=last-year`,
    `from=${daysAgo(365)}&to=${to}&grain=month&compare=last-year`,
    `from=${daysAgo(730)}&to=${to}&grain=month&compare=none`,
    // Two years that start and end mid-month: the most partial months a range can have.
    `from=${daysAgo(729)}&to=${daysAgo(15)}&grain=week&compare=none`,
  ];
}

/** Each report's paths: the ranges above, times the report's own choices. */
function reportPaths(report) {
  const r = ranges();
  switch (report) {
    case 'sales':
      return r.map((q) => `/api/admin/reports/sales?${q}`);
    case 'products':
      return r.flatMap((q, i) =>
        ['product', 'variant', 'category'].map(
          (group, j) => `/api/admin/reports/products?${q}&group=${group}&by=${(i + j) % 2 ? 'net' : 'units'}`,
        ),
      );
    case 'customers':
      return r.flatMap((q) => [
        `/api/admin/reports/customers?${q}`,
        `/api/admin/reports/customers?${q}&byRegion=1`,
      ]);
    case 'promotions':
      return r.map((q) => `/api/admin/reports/promotions?${q}`);
    case 'traffic':
      return r.map((q) => `/api/admin/reports/traffic?${q}`);
    default:
      throw new Error(`unknown report ${report}`);
  }
}

/** The scenarios that need the report history (bench.mjs seeds it before starting the server). */
export const REPORT_SCENARIO_IDS = [
  'report-sales',
  'report-products',
  'report-customers',
  'report-promotions',
  'report-traffic',
  'dashboard',
];

/**
 * The store's history, read once by whichever report scenario prepares first. After a seed (which went in with the
 * triggers off) the first report read starts the full rollup rebuild on the REPORTS queue; the scenarios wait for
 * it to finish (the answers' `rebuilding` turns null), and the time it took is recorded.
 */
let history = null;
async function prepareHistory(baseUrl, persistDir, cookie) {
  if (history) return history;
  const t = Date.now();
  const path = `/api/admin/reports/sales?from=${daysAgo(7)}&to=${daysAgo(1)}`;
  let first = null;
  for (;;) {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { cookie },
      signal: AbortSignal.timeout(30 * 60_000),
    }).catch((error) => {
      throw new Error(`a report read failed: ${error.cause ?? error}`);
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    const { rebuilding } = await res.json();
    first ??= rebuilding;
    if (!rebuilding) break;
    if (Date.now() - t > 30 * 60_000) throw new Error('the rollup rebuild did not finish in 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const rebuild = first
    ? `${first.total} months in ${((Date.now() - t) / 1000).toFixed(1)} s`
    : 'none was due';
  // Before the store is read by another process (wrangler d1 execute): in one run the first fold right after it
  // lost its connection ('fetch failed').
  const fold = await waitForRunningTotals(baseUrl, cookie);
  history = { ...reportHistoryStats(persistDir), rebuild, fold };
  console.error(`[bench] report history: ${JSON.stringify(history)}`);
  return history;
}

/**
 * The running totals folded up to yesterday: a products read folds a few days and sends the rest to the REPORTS
 * queue, whose consumer folds them (a transaction per ten days); the answers say how far (`runningThrough`).
 */
async function waitForRunningTotals(baseUrl, cookie) {
  const t = Date.now();
  const path = `/api/admin/reports/products?from=${daysAgo(2)}&to=${daysAgo(1)}`;
  for (;;) {
    const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    const { runningThrough } = await res.json();
    if (runningThrough && runningThrough >= daysAgo(1)) break;
    if (Date.now() - t > 30 * 60_000) throw new Error('the running totals were not folded in 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  return `folded through yesterday in ${((Date.now() - t) / 1000).toFixed(1)} s`;
}

function rotatingWithCookie(paths, state) {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: paths[i++ % paths.length],
        headers: { ...req.headers, cookie: state.cookie },
      }),
    },
  ];
}

/** One scenario per report and one for the dashboard page. */
export function reportScenarios(persistDir) {
  const state = { cookie: '' };
  const prepare = (paths) => async (baseUrl) => {
    state.cookie ||= await staffCookie(baseUrl, 'admin@demo.shop', 'admin-demo-1234');
    await prepareHistory(baseUrl, persistDir, state.cookie);
    for (const path of paths) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: state.cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
  };
  const scale = `${(REPORT_ORDERS / 1e6).toLocaleString('en')}M orders`;
  const reports = ['sales', 'products', 'customers', 'promotions', 'traffic'].map((report) => {
    const paths = reportPaths(report);
    return {
      id: `report-${report}`,
      label: `GET /api/admin/reports/${report} (${scale}, ${paths.length} ranges and groupings in turn)`,
      preflight: null, // needs a staff session: prepare checks every path answers 200
      prepare: prepare(paths),
      requests: () => rotatingWithCookie(paths, state),
    };
  });
  return [
    ...reports,
    {
      id: 'dashboard',
      label: `GET /admin (the dashboard page, ${scale})`,
      preflight: null,
      prepare: prepare(['/admin']),
      requests: () => rotatingWithCookie(['/admin'], state),
    },
  ];
}
