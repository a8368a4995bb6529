/** The offline catalog snapshot's rules: its size cap, the digest that detects removals, and offline search matching. */

import type { Money } from '@domain/pricing/money';

/** One product as a device keeps it for offline browsing (a row of GET /api/catalog/snapshot, and of IndexedDB). */
export interface SnapshotProduct {
  id: string;
  slug: string;
  name: string;
  categorySlug: string;
  /** The cheapest variant's price; null while the product has no variant. */
  priceFrom: Money | null;
  /** That variant's compare-at amount (same currency) when it is on sale. */
  compareAtAmount: number | null;
  image: { url: string; alt: string; width: number | null; height: number | null } | null;
  rating: number | null;
  reviewCount: number;
  inStock: boolean;
  /** The SKU when the product has exactly one variant (offline add-to-cart needs no option picker then). */
  sku: string | null;
  collectionSlugs: string[];
  /** Folded name, category, brand and tags (matchesSearch below). */
  searchText: string;
  createdAt: number;
  updatedAt: number;
}

/** A category of the snapshot. */
export interface SnapshotCategory {
  slug: string;
  name: string;
  parentSlug: string | null;
  position: number;
}

/** A collection of the snapshot. */
export interface SnapshotCollection {
  slug: string;
  name: string;
}

/**
 * At most this many products travel to a device: the newest active ones (created_at desc). 2,000 compact rows are
 * about 1.2 MB of JSON (~600 B a product, measured on the demo seed; gzip shrinks it several times) and as much in
 * IndexedDB, which every browser grants without asking; a larger catalog is browsable offline only
 * for its newest part, and the shell says so.
 */
export const SNAPSHOT_MAX_PRODUCTS = 2_000;

/** Longest search text kept per product (name, category, brand and tags, folded). */
export const SNAPSHOT_SEARCH_TEXT_MAX = 160;

/**
 * A cheap digest of a set of product ids (FNV-1a, 32 bits, over the ids sorted and joined by newlines), so a device
 * can check after a delta that it holds exactly the server's set: a product hard-deleted or pushed out of the
 * newest-N window never appears in a delta, but it changes the digest, and a mismatch makes the device re-download
 * the full snapshot. Not a security measure: only a change detector.
 */
export function digestProductIds(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  let hash = 0x811c9dc5;
  const text = sorted.join('\n');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${sorted.length.toString(36)}-${hash.toString(16).padStart(8, '0')}`;
}

/** Lower case, accents removed, runs of non-letters/digits as one space: what offline search compares. */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The short text a product is found by offline: name, category, brand and tags, folded and cut. */
export function buildSearchText(parts: readonly string[]): string {
  return foldSearchText(parts.filter(Boolean).join(' ')).slice(0, SNAPSHOT_SEARCH_TEXT_MAX);
}

/**
 * True when every word of `query` starts some word of `searchText` (both folded): the same prefix rule as the
 * online search, without its stemming or typo tolerance. An empty query matches nothing.
 */
export function matchesSearch(searchText: string, query: string): boolean {
  const wanted = foldSearchText(query).split(' ').filter(Boolean);
  if (wanted.length === 0) return false;
  const words = searchText.split(' ');
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}
