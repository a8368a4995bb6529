/** `npm run test:bundle`: `wrangler deploy --dry-run` must bundle the production Worker (API, SSR, DOs) offline. */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './lib.mjs';

const outdir = 'tmp/bundle';
rmSync(outdir, { recursive: true, force: true });
run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir]);

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
