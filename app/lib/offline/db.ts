/** The browser's IndexedDB database (Dexie 4): offline cart lines, the outbox, the catalog snapshot, the warehouse queue and outbox, meta. */

import type { Money } from '@domain/pricing/money';
import type { Dexie, EntityTable } from 'dexie';
import type { WarehouseEntry } from '~/lib/warehouse/entries';
import type { DeviceOrder } from '~/lib/warehouse/view';
import type {
  SnapshotCategoryRecord,
  SnapshotCollectionRecord,
  SnapshotProductRecord,
} from './catalog-records';
import type { OutboxKind, OutboxPayload } from './outbox-requests';

/** Database name; one per origin. */
export const DB_NAME = 'edgeshop';

/**
 * A cart line as this device last saw it. `productName` and `unitPrice` are display snapshots only: totals shown
 * offline are estimates, and the server reprices every line when the outbox replays (prices never go up from here).
 */
export interface CartLineRecord {
  sku: string;
  quantity: number;
  addedAt: number;
  productName?: string;
  unitPrice?: Money;
}

/** A write made while offline (or not yet confirmed), replayed in `id` order by flushOutbox. */
export interface OutboxEntry<K extends OutboxKind = OutboxKind> {
  /** Auto-incremented by IndexedDB: the replay order. Absent until stored. */
  id?: number;
  kind: K;
  payload: OutboxPayload<K>;
  /** Minted once at enqueue, sent on every attempt: the server applies the write at most once. */
  idempotencyKey: string;
  createdAt: number;
  attempts: number;
  lastError?: string;
}

/** A warehouse order kept on the device so staff can keep picking and packing offline. */
export interface StaffQueueRecord {
  orderId: string;
  status: string;
  payload: unknown;
  updatedAt: number;
}

/** Small settings and records (e.g. rejected outbox entries) as key/value pairs. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The typed database. */
export type EdgeshopDb = Dexie & {
  cartLines: EntityTable<CartLineRecord, 'sku'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  staffQueue: EntityTable<StaffQueueRecord, 'orderId'>;
  meta: EntityTable<MetaRecord, 'key'>;
  catalogProducts: EntityTable<SnapshotProductRecord, 'id'>;
  catalogCategories: EntityTable<SnapshotCategoryRecord, 'slug'>;
  catalogCollections: EntityTable<SnapshotCollectionRecord, 'slug'>;
  warehouseOrders: EntityTable<DeviceOrder, 'id'>;
  warehouseOutbox: EntityTable<WarehouseEntry, 'id'>;
};

/** Version 1 schema: primary key first, then the indexed fields. Add a new `version(n)` for changes, never edit this. */
export const SCHEMA_V1 = {
  cartLines: 'sku, addedAt',
  outbox: '++id, kind, createdAt',
  staffQueue: 'orderId, status, updatedAt',
  meta: 'key',
} as const;

/**
 * Version 2 adds the offline catalog snapshot (app/lib/offline/catalog-snapshot.ts): products by category and by
 * collection (multi-entry), newest first, plus the category and collection names. New tables only, so no upgrade
 * function: existing carts and outbox entries are kept as they are.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  catalogProducts: 'id, categorySlug, *collectionSlugs, createdAt',
  catalogCategories: 'slug',
  catalogCollections: 'slug',
} as const;

/**
 * Version 3 adds the warehouse app (app/lib/warehouse/): the queue's orders with their lines as the server last sent
 * them, and the warehouse outbox (pick, pack, ship, note), replayed in id order per staff member. New tables only.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  warehouseOrders: 'id, placedAt',
  warehouseOutbox: '++id, orderId, state',
} as const;

let opening: Promise<EdgeshopDb> | undefined;

/**
 * Opens the database once per page. Dexie (~25 KB gzip) is imported on first use, so pages that never touch the
 * offline store do not pay for it on first paint.
 */
export function getDb(): Promise<EdgeshopDb> {
  opening ??= import('dexie').then(({ Dexie }) => {
    const db = new Dexie(DB_NAME) as EdgeshopDb;
    db.version(1).stores(SCHEMA_V1);
    db.version(2).stores(SCHEMA_V2);
    db.version(3).stores(SCHEMA_V3);
    return db;
  });
  return opening;
}

/** Reads a meta value (undefined when absent). */
export async function getMeta<T>(key: string): Promise<T | undefined> {
  const row = await (await getDb()).meta.get(key);
  return row?.value as T | undefined;
}

/** Writes a meta value. */
export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await getDb()).meta.put({ key, value });
}

/** Empties the offline copy of the cart (at logout: the account's cart leaves this device). */
export async function forgetCartMirror(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = await getDb();
  await db.cartLines.clear();
}
