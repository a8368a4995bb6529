/**
 * The shop's navigation (category names for the header and footer), kept in isolate memory per catalog version: every
 * shop page shows it, so a page rendered afresh would otherwise pay a D1 round trip for a list that changes only when
 * a merchant edits categories (which bumps the version, so the next page reads it again).
 */
import { createDb } from '@db/client';
import { listNavCategories } from '@db/repositories/catalog';
import { perPageVersion } from './catalog-version';

/** A category as the navigation links it. */
export type NavCategory = Awaited<ReturnType<typeof listNavCategories>>[number];

/** Categories for the navigation, in navigation order, as of the catalog version this isolate knows. */
export const navCategories = perPageVersion((env) => listNavCategories(createDb(env)));
