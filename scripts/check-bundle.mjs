/**
 * `npm run test:bundle`: the production Worker bundle (`wrangler deploy --dry-run`, written by `npm run build`'s
 * last step, scripts/bundle.mjs) must hold the API, the SSR renderer and both Durable Objects. Bundles it first when
 * no build has.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_DIR, run } from './lib.mjs';

const outdir = BUNDLE_DIR;
if (!existsSync(join(outdir, 'index.js'))) run(process.execPath, ['scripts/bundle.mjs']);

const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
const source = files.map((f) => readFileSync(join(outdir, f), 'utf8')).join('\n');
const failures = [];
// The entry must export both Durable Object classes and the app, and carry the API and the Qwik SSR renderer.
if (!/export\s*\{[^}]*\bCartDO\b[^}]*\bStockDO\b[^}]*as default/s.test(source)) {
  failures.push('the entry does not export CartDO, StockDO and a default handler');
}
for (const needle of ['/api/openapi.json', 'q:container']) {
  if (!source.includes(needle)) failures.push(`bundle lacks ${needle}`);
}
const kib = files.reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0) / 1024;
console.log(`bundle: ${files.length} module(s), ${kib.toFixed(0)} KiB uncompressed`);
if (failures.length) {
  console.error(`✗ ${failures.join('\n✗ ')}`);
  process.exit(1);
}
console.log('production bundle OK');
