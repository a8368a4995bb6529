/**
 * The shop's navigation (category names for the header and footer), kept in isolate memory per catalog version: every
 * shop page shows it, so a page rendered afresh would otherwise pay a D1 round trip for a list that changes only when
 * a merchant edits categories (which bumps the version, so the next page reads it again).
 */
import { createDb } from '@db/client';
import { listNavCategories } from '@db/repositories/catalog';
import type { Env } from '@worker/env';
import { memoisedCatalogVersion } from './catalog-version';

/** A category as the navigation links it. */
export type NavCategory = Awaited<ReturnType<typeof listNavCategories>>[number];

let kept: { version: number; categories: Promise<NavCategory[]> } | null = null;

/** Categories for the navigation, in navigation order, as of the catalog version this isolate knows. */
export async function navCategories(env: Env): Promise<NavCategory[]> {
  const version = await memoisedCatalogVersion(env);
  if (kept?.version !== version) {
    const categories = listNavCategories(createDb(env));
    kept = { version, categories };
    // A failed read is not kept: the next page asks again.
    categories.catch(() => {
      if (kept?.categories === categories) kept = null;
    });
  }
  return kept.categories;
}
