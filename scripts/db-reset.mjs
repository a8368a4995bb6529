/** `npm run db:reset`: deletes the local D1 and Durable Object state, then migrates and seeds again. */
import { rmSync } from 'node:fs';
import { run } from './lib.mjs';

rmSync(process.env.PERSIST_DIR ?? '.wrangler/state', { recursive: true, force: true });
run('node', ['scripts/prepare-db.mjs']);
