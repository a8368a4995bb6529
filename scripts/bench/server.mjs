/** Bench server lifecycle: start `scripts/start.mjs` in its own process group, wait for health, stop it all. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const POLL_MS = 500;

/** True when something already accepts TCP connections on 127.0.0.1:port. */
function isPortBusy(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    function done(busy) {
      socket.destroy();
      resolve(busy);
    }
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** Resolves once GET /api/health answers 200; rejects when `deadline` passes or `child` exits first. */
async function waitForHealth(baseUrl, child, deadline) {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // Bounded by the deadline: a build plus a first seed can take minutes, a warm start a few seconds.
  while (Date.now() < deadline) {
    if (exited) throw new Error('the server process exited before it became healthy');
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error('the server did not answer /api/health with 200 in time');
}

const SSR_ENTRY = 'server/entry.cloudflare-pages.js';

/** Newest modification time (ms) of the files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Whether start.mjs must build: when the SSR build is missing or BENCH_BUILD=1. start.mjs re-bundles the
 * Worker when worker/ (or server/) is newer than its bundle, but the pages come from the Qwik build, so a build older than app/ would
 * benchmark yesterday's pages: that is only warned about, since a build rewrites dist/ and server/ for
 * everyone working in this tree.
 */
function decideBuild(log) {
  if (process.env.BENCH_BUILD === '1' || !existsSync(SSR_ENTRY)) return true;
  if (newestMtime('app') > statSync(SSR_ENTRY).mtimeMs) {
    log(
      `warning: ${SSR_ENTRY} is older than app/: run \`npm run build\` (or BENCH_BUILD=1) for current pages`,
    );
  }
  return false;
}

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the Worker with `node scripts/start.mjs` (build if needed, migrate, seed once, serve the bundle
 * with Miniflare). The child leads a new process group so that stopping it also ends workerd (and, during
 * start-up, the npm/wrangler steps), whatever state start.mjs is in.
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void>, logPath: string, pgid: number }>}
 */
export async function startServer({
  port,
  persistDir,
  logPath,
  healthTimeoutMs,
  products,
  variantsPerProduct,
  log = console.error,
}) {
  if (await isPortBusy(port))
    throw new Error(`port ${port} is already in use: stop that server or set BENCH_PORT`);
  const needsBuild = decideBuild(log);
  // Cart Durable Objects minted by earlier runs and local traces are bench garbage: dropping them keeps
  // disk use flat and every run starts from the same state. The seeded D1 and the stock objects are kept.
  rmSync(`${persistDir}/v3/do/edgeshop-CartDO`, { recursive: true, force: true });
  rmSync(`${persistDir}/v3/observability`, { recursive: true, force: true });
  mkdirSync('tmp', { recursive: true });
  const logFd = openSync(logPath, 'w');
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      PORT: String(port),
      SKIP_BUILD: needsBuild ? '0' : '1',
      PERSIST_DIR: persistDir,
      // Read by scripts/seed-sql.ts when start.mjs seeds this store the first time.
      ...(products ? { SEED_PRODUCTS: String(products) } : {}),
      ...(variantsPerProduct ? { SEED_VARIANTS_PER_PRODUCT: String(variantsPerProduct) } : {}),
      WRANGLER_LOG: 'error',
      // Only read by `npm run dev` (wrangler dev), which records a trace of every request, D1 query and DO
      // call into SQLite by default; start.mjs's Miniflare never enables it. Kept for BENCH runs of dev.
      X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? 'false',
    },
  });
  const pgid = child.pid;
  let stopped = false;

  async function stop() {
    if (stopped) return;
    stopped = true;
    // The whole group: start.mjs and workerd, or whatever build/migration step is running while it starts.
    // SIGKILL if SIGTERM has not ended them in time.
    for (const [signal, waitMs] of [
      ['SIGTERM', 5000],
      ['SIGKILL', 1000],
    ]) {
      if (!groupAlive(pgid)) return;
      process.kill(-pgid, signal);
      const deadline = Date.now() + waitMs;
      while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Last resort if the bench dies without reaching stop(): 'exit' handlers must be synchronous.
  process.once('exit', () => {
    if (!stopped && groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const timeout = needsBuild ? healthTimeoutMs * 2 : healthTimeoutMs;
  try {
    await waitForHealth(baseUrl, child, Date.now() + timeout);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}; last server output:\n${tail(logPath, 30)}`);
  }
  return { baseUrl, stop, logPath, pgid };
}

/** The last `lines` lines of a file (for error messages). */
export function tail(path, lines) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}
