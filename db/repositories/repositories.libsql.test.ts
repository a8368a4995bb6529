/** Runs the repository contract on libSQL (the real engine, in memory) in Node. */
import { createLibsqlDb, migrateLibsqlDb } from '../client-node';
import { generateSeed } from '../seed/generate';
import { insertSeed } from '../seed/insert';
import { CONTRACT_SEED, registerRepositoryContract } from './repository-contract';

registerRepositoryContract('libSQL', async () => {
  const db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  await insertSeed(db, await generateSeed(CONTRACT_SEED));
  return db;
});
