/**
 * `npm start`: build, prepare the local D1 (migrate + seed once), print the demo accounts, serve on 127.0.0.1.
 *
 * It serves the production bundle (`npm run build` → .wrangler/bundle/, see scripts/bundle.mjs) with Miniflare's
 * API in this process: the serving tree is this node process and one workerd, with no wrangler, esbuild, file
 * watcher or npx wrapper. Edits are not picked up: `npm run dev` (wrangler dev) is the development server.
 * Environment: PORT (8787), PERSIST_DIR (.wrangler/state, as wrangler's --persist-to), SKIP_BUILD=1 (reuse the
 * build; the Worker is re-bundled if its sources are newer), WRANGLER_LOG (error | warn | info | debug),
 * INSPECTOR_PORT (open workerd's DevTools inspector; off by default), RECYCLE_IDLE_MIB (below).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLE_DIR, BUNDLE_OPTIONS, PERSIST_ROOT, printBanner, run } from './lib.mjs';

const port = Number(process.env.PORT ?? '8787');
const level = process.env.WRANGLER_LOG ?? 'info';
const SSR_ENTRY = 'server/entry.cloudflare-pages.js';
const BUNDLE_MAIN = `${BUNDLE_DIR}/index.js`;
/** What the bundle is made of: when any of it is newer than the bundle, a SKIP_BUILD start re-bundles. */
const BUNDLE_INPUTS = [
  'worker',
  'db',
  'domain',
  'durable-objects',
  'server',
  'wrangler.toml',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function bundleIsStale() {
  if (!existsSync(BUNDLE_MAIN) || !existsSync(BUNDLE_OPTIONS)) return true;
  const built = statSync(BUNDLE_MAIN).mtimeMs;
  return BUNDLE_INPUTS.some((p) => newestMtime(p) > built);
}

const node = process.execPath;
if (process.env.SKIP_BUILD !== '1' || !existsSync(SSR_ENTRY)) {
  run('npm', ['run', 'build']);
} else if (bundleIsStale()) {
  run(node, ['scripts/bundle.mjs']);
}
run(node, ['scripts/prepare-db.mjs']);

const { Log, LogLevel, Miniflare, convertV4MiniflareOptions } = await import('miniflare');
const { name, main, workerOptions } = JSON.parse(readFileSync(BUNDLE_OPTIONS, 'utf8'));
const logLevel =
  { error: LogLevel.ERROR, warn: LogLevel.WARN, info: LogLevel.INFO, debug: LogLevel.DEBUG }[level] ??
  LogLevel.INFO;

const options = convertV4MiniflareOptions({
  host: '127.0.0.1',
  port,
  inspectorPort: process.env.INSPECTOR_PORT ? Number(process.env.INSPECTOR_PORT) : undefined,
  log: new Log(logLevel),
  logRequests: logLevel >= LogLevel.INFO,
  // The same layout as wrangler's --persist-to: D1 in <root>/v3/d1 (so prepare-db's data is found), Durable
  // Objects in <root>/v3/do/<worker>-<class>.
  resourcePersistencePath: resolve(PERSIST_ROOT, 'v3'),
  unsafeDevRegistryPath: '',
  telemetry: { enabled: false },
  cf: false, // request.cf is a placeholder, as under wrangler dev with CLOUDFLARE_CF_FETCH_ENABLED=false
  ...workerOptions,
  name,
  rootPath: resolve('.'),
  modulesRoot: resolve(BUNDLE_DIR),
  modules: [{ type: 'ESModule', path: resolve(BUNDLE_DIR, main) }],
});
const mf = new Miniflare(options);
await mf.ready;

printBanner(port);

/**
 * RECYCLE_IDLE_MIB (off by default): workerd evicts idle Durable Objects ~10 s after their last request, but its
 * allocator keeps the memory they used (docs/benchmarks.md, Memory). When workerd's RSS is above this many MiB
 * and it has used no CPU for a minute, Miniflare restarts it on the same port: everything is on disk, and a
 * request arriving in that second or so is refused.
 */
const recycleMiB = Number(process.env.RECYCLE_IDLE_MIB ?? 0);
if (recycleMiB > 0) {
  const { cpuTicks, treeMemory } = await import('./bench/memory.mjs');
  let last = null;
  let idleChecks = 0;
  let recycling = false;
  setInterval(async () => {
    if (recycling) return;
    const workerd = treeMemory(process.pid).processes.find((p) => p.comm === 'workerd');
    if (!workerd) return;
    const ticks = cpuTicks(workerd.pid);
    idleChecks = last?.pid === workerd.pid && ticks - last.ticks <= 2 ? idleChecks + 1 : 0;
    last = { pid: workerd.pid, ticks };
    if (idleChecks < 2 || workerd.rssMiB <= recycleMiB) return;
    recycling = true;
    await mf.setOptions(options);
    const after = treeMemory(process.pid).processes.find((p) => p.comm === 'workerd');
    console.log(`  workerd held ${workerd.rssMiB} MiB while idle: restarted it (${after?.rssMiB} MiB now)`);
    last = null;
    idleChecks = 0;
    recycling = false;
  }, 30_000).unref();
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await mf.dispose().catch(() => {});
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
// `npm start` runs this under `sh`, and a SIGTERM sent to npm alone (a process manager, `timeout`) ends npm and sh
// without reaching here: once orphaned (the parent changed), stop too, so workerd is not left serving.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop();
}, 2000).unref();
