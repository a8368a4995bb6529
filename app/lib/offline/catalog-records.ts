/** The shapes of the catalog snapshot as IndexedDB keeps it (GET /api/catalog/snapshot's rows; types only). */
import type { Money } from '@domain/pricing/money';

/** One product of the snapshot (db/repositories/catalog-snapshot.ts SnapshotProduct). */
export interface SnapshotProductRecord {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  priceFrom: Money | null;
  compareAtAmount: number | null;
  image: { url: string; alt: string; width: number | null; height: number | null } | null;
  rating: number | null;
  reviewCount: number;
  inStock: boolean;
  sku: string | null;
  collectionSlugs: string[];
  searchText: string;
  createdAt: number;
  updatedAt: number;
}

/** A category of the snapshot. */
export interface SnapshotCategoryRecord {
  slug: string;
  name: string;
  parentSlug: string | null;
  position: number;
}

/** A collection of the snapshot. */
export interface SnapshotCollectionRecord {
  slug: string;
  name: string;
}

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
