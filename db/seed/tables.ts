/** Which table each SeedData group goes into, in foreign-key order (parents first). */

import * as s from '@db/schema';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SeedData } from './generate';

/** [SeedData key, table] pairs; insert in this order, delete in reverse. */
export const SEED_TABLES: readonly (readonly [keyof SeedData, SQLiteTable])[] = [
  ['categories', s.categories],
  ['collections', s.collections],
  ['products', s.products],
  ['productOptions', s.productOptions],
  ['productCollections', s.productCollections],
  ['variants', s.productVariants],
  ['images', s.productImages],
  ['inventory', s.inventoryLevels],
  ['reviews', s.reviews],
  ['staffUsers', s.staffUsers],
  ['staffRoles', s.staffRoles],
  ['customers', s.customers],
  ['addresses', s.addresses],
  ['promotions', s.promotions],
  ['discountCodes', s.discountCodes],
  ['banners', s.banners],
  ['sales', s.sales],
  ['navLinks', s.navLinks],
  ['scheduleMarks', s.scheduleMarks],
  ['landingPages', s.landingPages],
  ['landingPageRevisions', s.landingPageRevisions],
  ['posts', s.posts],
  ['postTags', s.postTags],
  ['postProducts', s.postProducts],
];
