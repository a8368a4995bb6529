/** Helpers for the project scripts: run a command, run wrangler offline, read the local D1. */
import { spawn, spawnSync } from 'node:child_process';

/** Environment that keeps wrangler offline and quiet. */
export const WRANGLER_ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  CI: 'true',
};

/** Where `npm run build` writes the production Worker bundle and the Miniflare options `npm start` serves it with. */
export const BUNDLE_DIR = '.wrangler/bundle';
export const BUNDLE_OPTIONS = `${BUNDLE_DIR}/miniflare.json`;

/** Local state root, as wrangler's `--persist-to` (default .wrangler/state): D1 and Durable Objects live under v3/. */
export const PERSIST_ROOT = process.env.PERSIST_DIR || '.wrangler/state';

/** `--persist-to DIR` when PERSIST_DIR is set (tests and benchmarks keep their data apart from `npm start`'s). */
export const persistArgs = process.env.PERSIST_DIR ? ['--persist-to', process.env.PERSIST_DIR] : [];

/** Runs a command to completion, inheriting stdio; exits the script on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: WRANGLER_ENV, ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  return result;
}

/** Runs a command and returns its stdout (throws on failure). */
export function capture(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    // WRANGLER_LOG=error (the bench server's setting) silences `wrangler d1 execute --json` too, and an empty answer
    // read as "no rows" made every bench start seed its store again; what is captured is never shown anyway.
    env: { ...WRANGLER_ENV, WRANGLER_LOG: 'log' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Starts a long-running command; returns the child. */
export function start(command, args, options = {}) {
  return spawn(command, args, { stdio: 'inherit', env: WRANGLER_ENV, ...options });
}

/** Runs `wrangler d1 execute` on the local database and returns its stdout (which can be thousands of lines). */
export function executeLocalD1(...args) {
  return capture('npx', ['wrangler', 'd1', 'execute', 'edgeshop', '--local', ...persistArgs, ...args]);
}

/** Counts rows of a table in the local D1 database (0 when the table does not exist). */
export function countLocalRows(table) {
  try {
    const out = executeLocalD1('--json', '--command', `SELECT count(*) AS n FROM ${table}`);
    return JSON.parse(out)[0]?.results?.[0]?.n ?? 0;
  } catch {
    return 0;
  }
}

/** What `npm start` and `npm run dev` print once the shop is up: where it is, and the demo accounts. */
export function printBanner(port) {
  console.log(`
  Northwind Supply (demo) → http://127.0.0.1:${port}
  Back office            → http://127.0.0.1:${port}/admin
  Your account           → http://127.0.0.1:${port}/account
  Emails the shop sent   → http://127.0.0.1:${port}/dev/mailbox
  API reference          → http://127.0.0.1:${port}/api/docs

  Demo accounts (local demo seed only, db/seed/generate.ts; never in a production seed or migration)
    admin               admin@demo.shop       admin-demo-1234      (/admin)
    content manager     content@demo.shop     content-demo-1234    (/admin)
    warehouse           warehouse@demo.shop   warehouse-demo-1234  (/admin)
    content + warehouse lead@demo.shop        lead-demo-1234       (/admin)
    customer            jane@demo.shop        jane-demo-1234       (/account)
`);
}
