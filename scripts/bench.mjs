/**
 * `npm run bench`: starts the Worker as `npm start` serves it, load-tests five routes over loopback with
 * autocannon at several concurrencies, prints a table with ratios to the /api/ping baseline and writes
 * tmp/bench-results.json. See docs/benchmarks.md for how to read the numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadFixtures, probeRateLimit } from './bench/fixtures.mjs';
import { measureCell } from './bench/measure.mjs';
import { commMemory, treeMemory } from './bench/memory.mjs';
import { seedBenchPromotions } from './bench/promotion-fixtures.mjs';
import { describeMachine, formatTable, withRatios } from './bench/report.mjs';
import { reportHistoryOrders, seedReportHistory } from './bench/report-fixtures.mjs';
import { REPORT_EVENTS, REPORT_ORDERS, REPORT_SCENARIO_IDS } from './bench/report-scenarios.mjs';
import { buildScenarios, WAREHOUSE_ORDERS, WAREHOUSE_SCENARIO_IDS } from './bench/scenarios.mjs';
import { startServer } from './bench/server.mjs';
import { seedWarehouseOrders, warehouseOrders } from './bench/warehouse-fixtures.mjs';

const env = process.env;
const CONFIG = {
  port: Number(env.BENCH_PORT ?? 8930),
  connections: (env.BENCH_CONNECTIONS ?? '1,8,32').split(',').map(Number),
  durationS: Number(env.BENCH_DURATION ?? 10),
  warmupS: Number(env.BENCH_WARMUP ?? 2),
  scenarios: env.BENCH_SCENARIOS?.split(',') ?? null,
  // Shows what the rate limiter does to add-to-cart when every request is the same client.
  sharedClientKey: env.BENCH_SHARED_CLIENT_KEY === '1',
  // Its own store, seeded once with BENCH_PRODUCTS products of BENCH_VARIANTS variants each (the 10,000 × 4).
  products: Number(env.BENCH_PRODUCTS ?? 10_000),
  variantsPerProduct: Number(env.BENCH_VARIANTS ?? 4),
  // Active automatic promotions every cart evaluates (the promotions issue measures add to cart with 1,000).
  promotions: Number(env.BENCH_PROMOTIONS ?? 0),
  get persistDir() {
    return `.wrangler/bench-${this.products}x${this.variantsPerProduct}`;
  },
  resultsPath: 'tmp/bench-results.json',
  serverLogPath: 'tmp/bench-server.log',
  // The first run seeds the 10,000-product store (a few minutes); later runs start in seconds.
  healthTimeoutMs: 10 * 60_000,
  // Whatever happens, the bench ends by then (the cells take 15 × (warm-up + duration) ≈ 3 min).
  watchdogMs: 20 * 60_000,
};

function log(msg) {
  console.error(`[bench] ${msg}`);
}

/** Either the server this script starts, or (BENCH_URL) one already running on loopback. */
async function acquireServer() {
  if (!env.BENCH_URL) return startServer({ ...CONFIG, logPath: CONFIG.serverLogPath, log });
  const url = new URL(env.BENCH_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Error('BENCH_URL must be a loopback URL');
  return { baseUrl: url.origin, stop: async () => {}, logPath: null };
}

/** A scenario whose preflight request does not answer 2xx is reported as skipped instead of measured. */
async function preflight(baseUrl, scenario) {
  if (!scenario.preflight) return null;
  // 'manual': a redirect is not the page, and would be all the bench measured.
  const res = await fetch(`${baseUrl}${scenario.preflight}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  await res.arrayBuffer();
  return res.ok ? null : `GET ${scenario.preflight} answered ${res.status}`;
}

/** Measures one scenario at one concurrency, or records why it was skipped. */
async function runCell(baseUrl, scenario, connections, skipped, label = scenario.label) {
  if (skipped) return { scenario: scenario.id, label, connections, skipped };
  const { durationS, warmupS } = CONFIG;
  const cell = { ...(await measureCell({ baseUrl, scenario, connections, durationS, warmupS })), label };
  log(`${label} c=${connections}: ${cell.rps} req/s, p50 ${cell.latencyMs.p50} ms, non-2xx ${cell.non2xx}`);
  return cell;
}

/**
 * Runs every scenario at each concurrency. At each level the baseline runs first and again last, so
 * it brackets the routes it is compared with: load from other work that drifts during the ~minute of
 * one level moves both baseline runs, and the ratios use their mean.
 */
async function runCells(baseUrl, scenarios) {
  const skipReasons = new Map();
  for (const s of scenarios) skipReasons.set(s.id, await preflight(baseUrl, s));
  for (const s of scenarios) {
    if (!s.prepare || skipReasons.get(s.id)) continue;
    const t = Date.now();
    await s.prepare(baseUrl);
    log(`${s.id}: prepared in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const baseline = scenarios.find((s) => s.id === 'ping');
  const cells = [];
  for (const connections of CONFIG.connections) {
    for (const scenario of scenarios) {
      cells.push(await runCell(baseUrl, scenario, connections, skipReasons.get(scenario.id)));
    }
    if (baseline && scenarios.length > 1) {
      const label = `${baseline.label.replace(' (baseline)', '')} (baseline, again)`;
      cells.push(await runCell(baseUrl, baseline, connections, skipReasons.get('ping'), label));
    }
  }
  return cells;
}

async function main() {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  // Other work on a 2-core machine moves every number: record the load before and after.
  const loadBefore = describeMachine().loadAverage1m;
  let server = null;
  // Installed before the server starts: a signal's default action would end this process without its
  // 'exit' hooks, orphaning wrangler. While the server is still starting, exit() runs the hook in
  // bench/server.mjs that kills its process group.
  async function stopOnSignal(signal) {
    interrupted = true;
    log(`${signal}: stopping the server`);
    await server?.stop();
    process.exit(130);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stopOnSignal);
  log(`starting the Worker on 127.0.0.1:${CONFIG.port} (log: ${CONFIG.serverLogPath})`);
  server = await acquireServer();
  // Bulk fixtures are written once per store with no server running: a workerd whose D1 file another process
  // rewrites drops its connections (see bench/report-fixtures.mjs).
  const wants = (ids) => ids.some((id) => !CONFIG.scenarios || CONFIG.scenarios.includes(id));
  const dir = CONFIG.persistDir;
  const seeds = [];
  if (wants(REPORT_SCENARIO_IDS) && REPORT_ORDERS > 0 && reportHistoryOrders(dir) === 0) {
    seeds.push(() => seedReportHistory(dir, REPORT_ORDERS, REPORT_EVENTS, log));
  }
  if (wants(WAREHOUSE_SCENARIO_IDS) && warehouseOrders(dir) < WAREHOUSE_ORDERS) {
    seeds.push(() => seedWarehouseOrders(dir, WAREHOUSE_ORDERS));
  }
  if (!env.BENCH_URL && seeds.length > 0) {
    await server.stop();
    for (const seed of seeds) seed();
    server = await acquireServer();
  }
  try {
    log(`server up after ${((Date.now() - t0) / 1000).toFixed(1)} s; reading fixtures`);
    // Resident memory of the server's process tree (start.mjs and workerd), fresh and after the run.
    const memory = (phase) => {
      if (!server.pgid) return null;
      const tree = treeMemory(server.pgid);
      const m = {
        phase,
        totalMiB: tree.totalMiB,
        workerdMiB: commMemory(tree, 'workerd'),
        processes: tree.processes,
      };
      log(`memory ${phase}: tree ${m.totalMiB} MiB, workerd ${m.workerdMiB} MiB`);
      return m;
    };
    const memoryFresh = memory('fresh');
    const fixtures = await loadFixtures(server.baseUrl);
    log(
      `${fixtures.slugs.length} slugs, ${fixtures.categories.length} categories, ${fixtures.skus.length} sellable SKUs`,
    );
    if (!env.BENCH_URL) {
      const held = seedBenchPromotions(CONFIG.persistDir, CONFIG.promotions);
      log(`${held} automatic bench promotions active`);
      // A promotion's change bumps the catalog version; let every isolate's 1 s memo of it lapse before measuring.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    const rateLimit = await probeRateLimit(server.baseUrl);
    log(`rate limiter, one client key: ${JSON.stringify(rateLimit.statuses)}`);
    const scenarios = buildScenarios(fixtures, CONFIG).filter(
      (s) => !CONFIG.scenarios || CONFIG.scenarios.includes(s.id),
    );
    const cells = withRatios(await runCells(server.baseUrl, scenarios));
    const memoryAfter = memory('after the run');
    const machine = describeMachine();
    const report = {
      startedAt,
      wallTimeS: Math.round((Date.now() - t0) / 1000),
      machine: { ...machine, loadAverage1mBefore: loadBefore, loadAverage1mAfter: machine.loadAverage1m },
      config: {
        ...CONFIG,
        baseUrl: server.baseUrl,
        localObservability: env.X_LOCAL_OBSERVABILITY ?? 'false',
      },
      fixtures: {
        slugs: fixtures.slugs.length,
        categories: fixtures.categories,
        skus: fixtures.skus,
        skuProbe: fixtures.skuProbe,
      },
      rateLimitProbe: rateLimit,
      memory: { fresh: memoryFresh, afterRun: memoryAfter },
      cells,
    };
    mkdirSync('tmp', { recursive: true });
    writeFileSync(CONFIG.resultsPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${formatTable(cells)}\n`);
    const probe = rateLimit.statuses;
    console.log(
      `Rate limiter, ${rateLimit.requests} POST /api/carts with one client key: ${probe[201] ?? 0} × 201, ` +
        `${probe[429] ?? 0} × 429 (first 429 at request ${rateLimit.first429AtRequest ?? '–'}); ` +
        (CONFIG.sharedClientKey
          ? 'the add-to-cart bench ran as one client (BENCH_SHARED_CLIENT_KEY=1).'
          : 'the add-to-cart bench sends a distinct CF-Connecting-IP per request.'),
    );
    console.log(
      `${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, wrangler ${machine.wrangler}; ` +
        `load average ${loadBefore} before, ${machine.loadAverage1m} after`,
    );
    if (Math.max(loadBefore, machine.loadAverage1m) > machine.nproc) {
      console.log('The machine was busy with other work: absolute numbers are noisy, compare the ratios.');
    }
    if (memoryFresh && memoryAfter) {
      console.log(
        `Resident memory (start.mjs + workerd): ${memoryFresh.totalMiB} MiB fresh (workerd ${memoryFresh.workerdMiB}), ` +
          `${memoryAfter.totalMiB} MiB after the run (workerd ${memoryAfter.workerdMiB}).`,
      );
    }
    console.log(`Results: ${CONFIG.resultsPath} (${report.wallTimeS} s in all)`);
  } finally {
    const t1 = Date.now();
    await server.stop();
    log(`server stopped in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  }
}

/** Set on Ctrl-C: the signal handler stops the server and exits; main's own failure is then expected noise. */
let interrupted = false;

const watchdog = setTimeout(() => {
  log(`still running after ${CONFIG.watchdogMs / 60_000} min: giving up`);
  process.exit(1); // the 'exit' hook in bench/server.mjs kills the server's process group
}, CONFIG.watchdogMs);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error) => {
    if (interrupted) return;
    console.error(`[bench] failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
