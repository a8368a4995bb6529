/** The shapes of the catalog snapshot as IndexedDB keeps it (GET /api/catalog/snapshot's rows; types only). */

/** The snapshot's rows as IndexedDB keeps them: the shapes the API sends (domain/catalog/snapshot.ts). */
export type {
  SnapshotCategory as SnapshotCategoryRecord,
  SnapshotCollection as SnapshotCollectionRecord,
  SnapshotProduct as SnapshotProductRecord,
} from '@domain/catalog/snapshot';

/** Where the device's snapshot stands (meta key `catalog-snapshot`). */
export interface SnapshotState {
  version: number;
  watermark: number;
  digest: string;
  total: number;
  /** When the last sync (full or delta) and the last full download finished. */
  syncedAt: number;
  fullAt: number;
}
