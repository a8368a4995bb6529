/** `npm run test:bundle`: `wrangler deploy --dry-run` must bundle the production Worker (API, SSR, DOs) offline. */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './lib.mjs';

const outdir = 'tmp/bundle';
rmSync(outdir, { recursive: true, force: true });
run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir]);

const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
const main = files.map((f) => join(outdir, f)).find((f) => readFileSync(f, 'utf8').includes('class StockDO'));
const failures = [];
if (!main) failures.push('no bundled module defines StockDO');
const source = main ? readFileSync(main, 'utf8') : '';
for (const needle of ['class CartDO', 'createQwikCity', '/api/openapi.json']) {
  if (!source.includes(needle)) failures.push(`bundle lacks ${needle}`);
}
const kib = files.reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0) / 1024;
console.log(`bundle: ${files.length} module(s), ${kib.toFixed(0)} KiB uncompressed`);
if (failures.length) {
  console.error(`✗ ${failures.join('\n✗ ')}`);
  process.exit(1);
}
console.log('production bundle OK');
