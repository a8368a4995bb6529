/** Runs the repository contract on D1 inside workerd (migrations come from the setup file). */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { generateSeed } from '@db/seed/generate';
import { insertSeed } from '@db/seed/insert';
import { CONTRACT_SEED, registerRepositoryContract } from '@tests/support/repository-contract';

registerRepositoryContract('D1', async () => {
  const db = createDb({ DB: env.DB });
  await insertSeed(db, await generateSeed(CONTRACT_SEED));
  return db;
});
