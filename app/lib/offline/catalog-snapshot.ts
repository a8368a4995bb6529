/** The offline catalog: syncs GET /api/catalog/snapshot into IndexedDB (whole, then deltas) and reads it back offline. */

import { digestProductIds, matchesSearch, SNAPSHOT_MAX_PRODUCTS } from '@domain/catalog/snapshot';
import { z } from 'zod';
import type {
  SnapshotCategoryRecord,
  SnapshotCollectionRecord,
  SnapshotProductRecord,
  SnapshotState,
} from './catalog-records';
import { type EdgeshopDb, getDb, getMeta, setMeta } from './db';

/** Meta key of the device's SnapshotState. */
export const SNAPSHOT_META_KEY = 'catalog-snapshot';
/** A sync asked for sooner than this after the last one does nothing (pages ask on every load). */
export const SNAPSHOT_MIN_INTERVAL_MS = 5 * 60_000;
/**
 * Deltas follow products.updated_at; writes that change a listing field without it (stock, review ratings) reach the
 * device with the next full download, at most this old.
 */
export const SNAPSHOT_FULL_INTERVAL_MS = 24 * 3600_000;

const Money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
// IndexedDB holds what the server sent after this check; zod's default strip drops fields a newer server adds.
const Product = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  categorySlug: z.string(),
  priceFrom: Money.nullable(),
  compareAtAmount: z.number().int().nullable(),
  image: z
    .object({ url: z.string(), alt: z.string(), width: z.number().nullable(), height: z.number().nullable() })
    .nullable(),
  rating: z.number().nullable(),
  reviewCount: z.number().int(),
  inStock: z.boolean(),
  sku: z.string().nullable(),
  collectionSlugs: z.array(z.string()),
  searchText: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<SnapshotProductRecord>;
const Snapshot = z.object({
  mode: z.enum(['full', 'delta']),
  version: z.number().int(),
  watermark: z.number().int(),
  maxProducts: z.number().int().positive(),
  total: z.number().int(),
  digest: z.string(),
  categories: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      parentSlug: z.string().nullable(),
      position: z.number(),
    }) satisfies z.ZodType<SnapshotCategoryRecord>,
  ),
  collections: z.array(
    z.object({ slug: z.string(), name: z.string() }) satisfies z.ZodType<SnapshotCollectionRecord>,
  ),
  products: z.array(Product),
  removedIds: z.array(z.string()),
});
type Snapshot = z.infer<typeof Snapshot>;

/** What a sync did. */
export type SnapshotSyncReport =
  | { status: 'skipped' }
  | { status: 'synced'; mode: 'full' | 'delta'; products: number; changed: number; version: number }
  | { status: 'failed'; reason: string };

/** Options for syncCatalogSnapshot; `force` ignores SNAPSHOT_MIN_INTERVAL_MS. */
export interface SnapshotSyncOptions {
  now?: number;
  force?: boolean;
}

/**
 * Brings the device's snapshot up to date: the whole snapshot the first time (and daily), a delta otherwise; after a
 * delta, a product set whose digest differs from the server's (a hard delete, or products pushed out of the newest
 * window) triggers one full download. Runs in the service worker (app/sw.ts), so Dexie and zod stay out of pages.
 * Never throws: a failure is reported and the previous snapshot stays as it was.
 */
export async function syncCatalogSnapshot(
  fetchFn: typeof fetch,
  options: SnapshotSyncOptions = {},
): Promise<SnapshotSyncReport> {
  const now = options.now ?? Date.now();
  try {
    const state = await getMeta<SnapshotState>(SNAPSHOT_META_KEY);
    if (state && !options.force && now - state.syncedAt < SNAPSHOT_MIN_INTERVAL_MS)
      return { status: 'skipped' };
    const full = !state || now - state.fullAt >= SNAPSHOT_FULL_INTERVAL_MS;
    let report = await fetchAndApply(fetchFn, full ? undefined : state.watermark, now, state);
    if (report.status === 'synced' && report.mode === 'delta' && !(await digestMatches())) {
      report = await fetchAndApply(fetchFn, undefined, now, state);
    }
    return report;
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function fetchAndApply(
  fetchFn: typeof fetch,
  since: number | undefined,
  now: number,
  previous: SnapshotState | undefined,
): Promise<SnapshotSyncReport> {
  const url = since === undefined ? '/api/catalog/snapshot' : `/api/catalog/snapshot?since=${since}`;
  const res = await fetchFn(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) return { status: 'failed', reason: `HTTP ${res.status}` };
  const parsed = Snapshot.safeParse(await res.json());
  if (!parsed.success) return { status: 'failed', reason: 'unexpected snapshot shape' };
  const snapshot = parsed.data;
  const db = await getDb();
  const count = await applySnapshot(db, snapshot);
  await setMeta(SNAPSHOT_META_KEY, {
    version: snapshot.version,
    watermark: snapshot.watermark,
    digest: snapshot.digest,
    total: snapshot.total,
    syncedAt: now,
    fullAt: snapshot.mode === 'full' ? now : (previous?.fullAt ?? now),
  } satisfies SnapshotState);
  return {
    status: 'synced',
    mode: snapshot.mode,
    products: count,
    changed: snapshot.products.length + snapshot.removedIds.length,
    version: snapshot.version,
  };
}

/** Writes one answer in a single transaction, so a reader never sees half a snapshot; the product count after. */
async function applySnapshot(db: EdgeshopDb, snapshot: Snapshot): Promise<number> {
  const cap = Math.min(snapshot.maxProducts, SNAPSHOT_MAX_PRODUCTS);
  return db.transaction('rw', db.catalogProducts, db.catalogCategories, db.catalogCollections, async () => {
    if (snapshot.mode === 'full') await db.catalogProducts.clear();
    await db.catalogProducts.bulkDelete(snapshot.removedIds);
    await db.catalogProducts.bulkPut(snapshot.products.slice(0, cap));
    // Size-bounded whatever the server sends: the oldest go first.
    const excess = (await db.catalogProducts.count()) - cap;
    if (excess > 0) {
      const oldest = await db.catalogProducts.orderBy('createdAt').limit(excess).primaryKeys();
      await db.catalogProducts.bulkDelete(oldest);
    }
    await db.catalogCategories.clear();
    await db.catalogCategories.bulkPut(snapshot.categories);
    await db.catalogCollections.clear();
    await db.catalogCollections.bulkPut(snapshot.collections);
    return db.catalogProducts.count();
  });
}

async function digestMatches(): Promise<boolean> {
  const db = await getDb();
  const state = await getMeta<SnapshotState>(SNAPSHOT_META_KEY);
  const ids = (await db.catalogProducts.toCollection().primaryKeys()) as string[];
  return state !== undefined && digestProductIds(ids) === state.digest;
}

/** Newest first, as the online listing's "newest" sort. */
function newestFirst(a: SnapshotProductRecord, b: SnapshotProductRecord): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
}

/** Everything a page of the offline catalog shows. */
export interface OfflineListing {
  title: string | null;
  products: SnapshotProductRecord[];
  categories: SnapshotCategoryRecord[];
  state: SnapshotState | undefined;
}

/** Products of one category, or null for a category the snapshot does not know. */
export async function readOfflineCategory(slug: string): Promise<OfflineListing> {
  const db = await getDb();
  const [category, products, categories, state] = await Promise.all([
    db.catalogCategories.get(slug),
    db.catalogProducts.where('categorySlug').equals(slug).toArray(),
    db.catalogCategories.orderBy('slug').toArray(),
    getMeta<SnapshotState>(SNAPSHOT_META_KEY),
  ]);
  return {
    title: category?.name ?? null,
    products: products.sort(newestFirst),
    categories: byPosition(categories),
    state,
  };
}

/** Products of one collection. */
export async function readOfflineCollection(slug: string): Promise<OfflineListing> {
  const db = await getDb();
  const [collection, products, categories, state] = await Promise.all([
    db.catalogCollections.get(slug),
    db.catalogProducts.where('collectionSlugs').equals(slug).toArray(),
    db.catalogCategories.toArray(),
    getMeta<SnapshotState>(SNAPSHOT_META_KEY),
  ]);
  return {
    title: collection?.name ?? null,
    products: products.sort(newestFirst),
    categories: byPosition(categories),
    state,
  };
}

/** Products matching `query` word by word (prefixes), at most `limit`, newest first. */
export async function searchOffline(query: string, limit = 60): Promise<OfflineListing> {
  const db = await getDb();
  const [products, categories, state] = await Promise.all([
    db.catalogProducts.filter((p) => matchesSearch(p.searchText, query)).toArray(),
    db.catalogCategories.toArray(),
    getMeta<SnapshotState>(SNAPSHOT_META_KEY),
  ]);
  return {
    title: null,
    products: products.sort(newestFirst).slice(0, limit),
    categories: byPosition(categories),
    state,
  };
}

function byPosition(categories: SnapshotCategoryRecord[]): SnapshotCategoryRecord[] {
  return categories.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}
