/** An in-memory OutboxStore (app/lib/offline/outbox.ts) with the Dexie store's contract: ids ascend, list is in id order. */
import type { OutboxEntry } from '~/lib/offline/db';
import type { OutboxRejection, OutboxStore } from '~/lib/offline/outbox';

/** A device's outbox kept in memory, with the rejections it recorded. */
export function memoryOutbox() {
  const entries = new Map<number, OutboxEntry>();
  const rejected: OutboxRejection[] = [];
  let nextId = 1;
  const store: OutboxStore = {
    add: async (entry) => {
      const id = nextId++;
      entries.set(id, { ...entry, id });
      return id;
    },
    list: async () => [...entries.values()].sort((a, b) => a.id! - b.id!),
    remove: async (id) => {
      entries.delete(id);
    },
    update: async (id, changes) => {
      const entry = entries.get(id);
      if (entry) entries.set(id, { ...entry, ...changes });
    },
    reject: async (id, rejection) => {
      entries.delete(id);
      rejected.push(rejection);
    },
  };
  return { store, entries, rejected };
}
