/** Applies migrations to the local D1 database and seeds the demo store once (a second run keeps the data). */
import { mkdirSync } from 'node:fs';
import { countLocalRows, executeLocalD1, persistArgs, run } from './lib.mjs';

run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'edgeshop', '--local', ...persistArgs]);
if (countLocalRows('products') === 0) {
  mkdirSync('tmp', { recursive: true });
  console.log('Seeding the demo store…');
  run('npx', ['tsx', 'scripts/seed-sql.ts', 'tmp/seed.sql']);
  executeLocalD1('--file', 'tmp/seed.sql');
  console.log(`Seeded ${countLocalRows('products')} products.`);
} else {
  console.log('Local database already seeded: keeping its data (npm run db:reset starts over).');
}
