/** The promotion-use limits on libSQL (the real engine, in memory) in Node; the D1 run is in tests/integration. */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { registerPromotionUsesContract } from '@tests/support/promotion-uses-contract';

registerPromotionUsesContract('libSQL', async () => {
  const db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  return db;
});
