/** Runs the repository contract on D1 inside workerd (migrations come from the setup file). */
import { env } from 'cloudflare:test';
import { createDb } from '../../db/client';
import { CONTRACT_SEED, registerRepositoryContract } from '../../db/repositories/repository-contract';
import { generateSeed } from '../../db/seed/generate';
import { insertSeed } from '../../db/seed/insert';

registerRepositoryContract('D1', async () => {
  const db = createDb({ DB: env.DB });
  await insertSeed(db, await generateSeed(CONTRACT_SEED));
  return db;
});
