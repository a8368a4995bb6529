/**
 * `npm run bench:memory`: resident memory of `npm start`'s process tree (node scripts/start.mjs and workerd),
 * fresh, after N new carts (one add-to-cart each: every request creates a CartDO), and while it then idles.
 * Writes tmp/memory-results.json. See docs/benchmarks.md (Memory).
 * Settings: BENCH_PORT (8791), MEMORY_CARTS (10000), MEMORY_CONCURRENCY (8), MEMORY_IDLE_S (120),
 * MEMORY_SAMPLE_EVERY (1000 carts), BENCH_URL + MEMORY_PID (measure a server already running, e.g. `npm start`),
 * MEMORY_INSPECTOR_PORT (the inspector port that server was started with, INSPECTOR_PORT: then each phase also
 * records the V8 heap of every isolate).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { addToFreshCart, loadFixtures, nextClientIp } from './bench/fixtures.mjs';
import { heapUsage } from './bench/heap.mjs';
import { commMemory, openObjects, treeMemory } from './bench/memory.mjs';
import { describeMachine } from './bench/report.mjs';
import { startServer } from './bench/server.mjs';

const env = process.env;
const CONFIG = {
  port: Number(env.BENCH_PORT ?? 8791),
  carts: Number(env.MEMORY_CARTS ?? 10_000),
  concurrency: Number(env.MEMORY_CONCURRENCY ?? 8),
  idleS: Number(env.MEMORY_IDLE_S ?? 120),
  sampleEvery: Number(env.MEMORY_SAMPLE_EVERY ?? 1000),
  persistDir: '.wrangler/bench-memory',
  resultsPath: 'tmp/memory-results.json',
  logPath: 'tmp/bench-memory-server.log',
  healthTimeoutMs: 150_000,
};

function log(msg) {
  console.error(`[memory] ${msg}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const t0 = Date.now();
  const server = env.BENCH_URL
    ? { baseUrl: new URL(env.BENCH_URL).origin, pgid: Number(env.MEMORY_PID), stop: async () => {} }
    : await startServer({ ...CONFIG, log });
  const samples = [];
  const inspectorPort = env.MEMORY_INSPECTOR_PORT;
  async function heap(s) {
    if (!inspectorPort) return;
    const h = await heapUsage(inspectorPort);
    s.v8UsedMiB = h.totalUsedMiB;
    s.v8HeapMiB = h.totalHeapMiB;
    s.isolates = h.isolates;
    log(`  V8 heaps: ${h.totalUsedMiB} MiB used of ${h.totalHeapMiB} MiB`);
  }
  function sample(phase, extra = {}) {
    const tree = treeMemory(server.pgid);
    const s = {
      phase,
      atS: Math.round((Date.now() - t0) / 1000),
      ...extra,
      totalMiB: tree.totalMiB,
      workerdMiB: commMemory(tree, 'workerd'),
      openCarts: openObjects(tree.processes.find((p) => p.comm === 'workerd')?.pid, 'CartDO'),
      processes: tree.processes.map(({ pid, comm, rssMiB }) => ({ pid, comm, rssMiB })),
    };
    samples.push(s);
    log(
      `${phase}${extra.carts !== undefined ? ` ${extra.carts} carts` : ''}${extra.idleS ? ` ${extra.idleS} s` : ''}: ` +
        `tree ${s.totalMiB} MiB, workerd ${s.workerdMiB} MiB, ${s.openCarts} CartDOs open`,
    );
    return s;
  }
  try {
    await sleep(5000);
    const fresh = sample('fresh');
    await heap(fresh);
    const { skus } = await loadFixtures(server.baseUrl);
    const afterFixtures = sample('after fixtures', { carts: 0 });
    let next = 0;
    let done = 0;
    const statuses = {};
    async function worker() {
      while (next < CONFIG.carts) {
        const i = next++;
        const status = await addToFreshCart(server.baseUrl, skus[i % skus.length], nextClientIp());
        statuses[status] = (statuses[status] ?? 0) + 1;
        done += 1;
        if (done % CONFIG.sampleEvery === 0) sample('carts', { carts: done });
      }
    }
    const tCarts = Date.now();
    await Promise.all(Array.from({ length: CONFIG.concurrency }, worker));
    const cartsS = (Date.now() - tCarts) / 1000;
    log(`${done} carts in ${cartsS.toFixed(0)} s, statuses ${JSON.stringify(statuses)}`);
    const afterCarts = samples.at(-1);
    await heap(afterCarts);
    for (let s = 10; s <= CONFIG.idleS; s += 10) {
      await sleep(10_000);
      sample('idle', { idleS: s });
    }
    const afterIdle = samples.at(-1);
    await heap(afterIdle);
    const report = {
      startedAt: new Date(t0).toISOString(),
      machine: describeMachine(),
      config: CONFIG,
      statuses,
      cartsPerS: Number((done / cartsS).toFixed(1)),
      summary: {
        freshMiB: fresh.totalMiB,
        freshWorkerdMiB: fresh.workerdMiB,
        afterFixturesWorkerdMiB: afterFixtures.workerdMiB,
        afterCartsMiB: afterCarts.totalMiB,
        afterCartsWorkerdMiB: afterCarts.workerdMiB,
        afterIdleMiB: afterIdle.totalMiB,
        afterIdleWorkerdMiB: afterIdle.workerdMiB,
        ...(inspectorPort && {
          v8UsedMiB: {
            fresh: fresh.v8UsedMiB,
            afterCarts: afterCarts.v8UsedMiB,
            afterIdle: afterIdle.v8UsedMiB,
          },
        }),
        workerdKiBPerCart: Number(
          (((afterCarts.workerdMiB - afterFixtures.workerdMiB) * 1024) / done).toFixed(1),
        ),
      },
      samples,
    };
    mkdirSync('tmp', { recursive: true });
    writeFileSync(CONFIG.resultsPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report.summary, null, 2));
    console.log(`Results: ${CONFIG.resultsPath}`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`[memory] failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
