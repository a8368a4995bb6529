/**
 * `npm run build`'s last step: bundles the production Worker once (`wrangler deploy --dry-run`, the exact bundle
 * `wrangler deploy` uploads) into .wrangler/bundle/, and writes beside it the Miniflare options wrangler derives
 * from wrangler.toml (bindings, DOs, D1, rate limiter, vars, assets), so `npm start` serves that bundle with
 * Miniflare alone: no wrangler, esbuild or file watcher in the serving process tree.
 */
import { writeFileSync } from 'node:fs';
import { BUNDLE_DIR, BUNDLE_OPTIONS, run, WRANGLER_ENV } from './lib.mjs';

run(
  process.execPath,
  ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', BUNDLE_DIR],
  { env: { ...WRANGLER_ENV, WRANGLER_LOG: 'warn' } },
);

// Imported here (a short-lived build step), never by the server: wrangler's CLI module alone is ~100 MB of heap.
const { unstable_getMiniflareWorkerOptions, unstable_readConfig } = await import('wrangler');
const config = unstable_readConfig({ config: 'wrangler.toml' });
const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
// Cron triggers only fire under wrangler's --test-scheduled; the served shop runs no scheduler (as wrangler dev).
const { cronTriggers: _cron, ...options } = workerOptions;
writeFileSync(
  BUNDLE_OPTIONS,
  `${JSON.stringify({ name: config.name, main: 'index.js', workerOptions: options }, null, 2)}\n`,
);
console.log(`✓ ${BUNDLE_DIR}/index.js and ${BUNDLE_OPTIONS} (Worker "${config.name}")`);
