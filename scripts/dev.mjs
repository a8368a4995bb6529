/** `npm run dev`: build, prepare the local D1 (migrate + seed once), print the demo accounts, run `wrangler dev` (rebuilds the Worker on change) on 127.0.0.1. */
import { existsSync } from 'node:fs';
import { persistArgs, printBanner, run, start } from './lib.mjs';

const port = process.env.PORT ?? '8787';
const inspectorPort = process.env.INSPECTOR_PORT ?? String(Number(port) + 1442);

if (process.env.SKIP_BUILD !== '1' || !existsSync('server/entry.cloudflare-pages.js'))
  run('npm', ['run', 'build']);
run('node', ['scripts/prepare-db.mjs']);

printBanner(port);

const child = start('npx', [
  'wrangler',
  'dev',
  '--ip',
  '127.0.0.1',
  '--port',
  port,
  '--inspector-port',
  inspectorPort,
  ...persistArgs,
  '--log-level',
  process.env.WRANGLER_LOG ?? 'info',
]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
