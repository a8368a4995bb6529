/** An in-memory WarehouseStore with the Dexie store's contract (app/lib/warehouse/device-store.ts), for unit tests. */
import type { WarehouseEntry } from './entries';
import { INITIAL_SYNC, type SyncState, type WarehouseStore } from './outbox';
import { type DeviceOrder, keptAfterRefresh, withAnswer } from './view';

/** The store and its contents, for assertions. */
export function memoryWarehouseStore() {
  const entries = new Map<number, WarehouseEntry>();
  const orders = new Map<string, DeviceOrder>();
  let sync: SyncState = { ...INITIAL_SYNC };
  let nextId = 1;
  const store: WarehouseStore = {
    list: async () => [...entries.values()].sort((a, b) => (a.id as number) - (b.id as number)),
    add: async (entry) => {
      const id = nextId++;
      entries.set(id, { ...entry, id });
      return id;
    },
    complete: async (id, answer, rebase) => {
      const done = entries.get(id);
      entries.delete(id);
      const kept = orders.get(answer.orderId);
      if (kept) orders.set(answer.orderId, withAnswer(kept, answer, Date.now()));
      if (!rebase || !done) return;
      for (const [k, e] of entries) {
        if (e.orderId === done.orderId && e.state === 'pending' && e.expectedVersion === rebase.from) {
          entries.set(k, { ...e, expectedVersion: rebase.to });
        }
      }
    },
    setAttention: async (id, conflict) => {
      const e = entries.get(id);
      if (e) entries.set(id, { ...e, state: 'attention', conflict });
    },
    recordFailure: async (id, attempts, lastError) => {
      const e = entries.get(id);
      if (e) entries.set(id, { ...e, attempts, lastError });
    },
    saveQueue: async (queue, now) => {
      const withEntries = new Set([...entries.values()].map((e) => e.orderId));
      const fresh = new Map(queue.orders.map((o) => [o.id, o]));
      for (const [id, kept] of orders) {
        if (!fresh.has(id) && !keptAfterRefresh(kept, withEntries.has(id), now)) orders.delete(id);
      }
      for (const o of queue.orders)
        orders.set(o.id, { id: o.id, placedAt: o.placedAt, order: o, savedAt: now });
    },
    getSync: async () => sync,
    setSync: async (changes) => {
      sync = { ...sync, ...changes };
    },
  };
  return { store, entries, orders };
}
