/** The warehouse outbox and queue in this browser's IndexedDB (Dexie tables warehouseOrders and warehouseOutbox, app/lib/offline/db.ts). */
import { getDb } from '~/lib/offline/db';
import { INITIAL_SYNC, type SyncState, type WarehouseStore } from './outbox';
import { keptAfterRefresh, withAnswer } from './view';

/** Meta key of the SyncState. */
export const SYNC_META_KEY = 'warehouse.sync';

/** The WarehouseStore on IndexedDB; each method is one Dexie transaction. */
export function deviceWarehouseStore(): WarehouseStore {
  return {
    list: async () => (await getDb()).warehouseOutbox.orderBy('id').toArray(),
    add: async (entry) => (await (await getDb()).warehouseOutbox.add(entry)) as number,
    complete: async (id, answer, rebase) => {
      const db = await getDb();
      await db.transaction('rw', db.warehouseOutbox, db.warehouseOrders, async () => {
        const done = await db.warehouseOutbox.get(id);
        await db.warehouseOutbox.delete(id);
        const kept = await db.warehouseOrders.get(answer.orderId);
        if (kept) await db.warehouseOrders.put(withAnswer(kept, answer, Date.now()));
        if (!rebase || !done) return;
        await db.warehouseOutbox
          .where('orderId')
          .equals(done.orderId)
          .filter((e) => e.state === 'pending' && e.expectedVersion === rebase.from)
          .modify({ expectedVersion: rebase.to });
      });
    },
    setAttention: async (id, conflict) => {
      await (await getDb()).warehouseOutbox.update(id, { state: 'attention', conflict });
    },
    recordFailure: async (id, attempts, lastError) => {
      await (await getDb()).warehouseOutbox.update(id, { attempts, lastError });
    },
    saveQueue: async (queue, now) => {
      const db = await getDb();
      await db.transaction('rw', db.warehouseOutbox, db.warehouseOrders, async () => {
        const withEntries = new Set((await db.warehouseOutbox.toArray()).map((e) => e.orderId));
        const fresh = new Set(queue.orders.map((o) => o.id));
        const gone = (await db.warehouseOrders.toArray())
          .filter((kept) => !fresh.has(kept.id) && !keptAfterRefresh(kept, withEntries.has(kept.id), now))
          .map((kept) => kept.id);
        await db.warehouseOrders.bulkDelete(gone);
        await db.warehouseOrders.bulkPut(
          queue.orders.map((o) => ({ id: o.id, placedAt: o.placedAt, order: o, savedAt: now })),
        );
      });
    },
    getSync: async () => readSync(),
    setSync: async (changes) => {
      const db = await getDb();
      await db.transaction('rw', db.meta, async () => {
        const current = ((await db.meta.get(SYNC_META_KEY))?.value as SyncState | undefined) ?? INITIAL_SYNC;
        await db.meta.put({ key: SYNC_META_KEY, value: { ...current, ...changes } });
      });
    },
  };
}

/** The SyncState kept on this device. */
export async function readSync(): Promise<SyncState> {
  const row = await (await getDb()).meta.get(SYNC_META_KEY);
  return { ...INITIAL_SYNC, ...(row?.value as Partial<SyncState> | undefined) };
}
