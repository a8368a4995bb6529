/** Runs the repository contract on libSQL (the real engine, in memory) in Node. */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { generateSeed } from '@db/seed/generate';
import { insertSeed } from '@db/seed/insert';
import { CONTRACT_SEED, registerRepositoryContract } from '@tests/support/repository-contract';

registerRepositoryContract('libSQL', async () => {
  const db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  await insertSeed(db, await generateSeed(CONTRACT_SEED));
  return db;
});
