/** What an administrator may send to create or change a category or a collection, and the category tree's rule. */
import { idSchema } from '@domain/core/id-schema';
import { z } from 'zod';
import { SlugSchema } from './slug';

const base = {
  name: z.string().trim().min(1).max(120),
  slug: SlugSchema,
  description: z.string().trim().max(5000).default(''),
  position: z.number().int().min(0).max(1_000_000).default(0),
};

/** A category: a node of the tree under `parentId` (null: top level). */
export const CategoryInput = z
  .object({ ...base, parentId: idSchema('category').nullable().default(null) })
  .strict();
export type CategoryInput = z.infer<typeof CategoryInput>;

/** A collection; featured ones are on the home page. */
export const CollectionInput = z.object({ ...base, featured: z.boolean().default(false) }).strict();
export type CollectionInput = z.infer<typeof CollectionInput>;

/** Most products one collection may hold (one write sets them all). */
export const MAX_COLLECTION_PRODUCTS = 500;

/**
 * Whether making `parentId` the parent of `id` would close a loop: walking up from the new parent reaches `id`
 * (or a loop already there). `parents` maps every category to its parent.
 */
export function wouldCycle(
  id: string,
  parentId: string | null,
  parents: ReadonlyMap<string, string | null>,
): boolean {
  const seen = new Set<string>();
  for (let at = parentId; at !== null && at !== undefined; at = parents.get(at) ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}
