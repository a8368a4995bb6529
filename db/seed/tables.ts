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
  // The order history (generate-orders.ts). The report zone first: the rollup triggers bucket each order as it goes
  // in, by the offsets already there; lines, refunds and uses after their orders, whose rows the triggers read.
  ['reportZone', s.reportZone],
  ['reportZoneOffsets', s.reportZoneOffsets],
  ['orders', s.orders],
  ['orderLines', s.orderLines],
  ['payments', s.payments],
  ['orderEvents', s.orderEvents],
  ['shipments', s.shipments],
  ['shipmentLines', s.shipmentLines],
  ['refunds', s.refunds],
  ['refundLines', s.refundLines],
  ['promotionUses', s.promotionUses],
  ['counters', s.counters],
  // Demo traffic (generate-traffic.ts): rollups only, which no trigger fills.
  ['trafficDaily', s.reportTrafficDaily],
  ['funnelDaily', s.reportFunnelDaily],
];

/**
 * Tables the migrations already fill (the report zone 'UTC', the order counter at 1000): the seed replaces their
 * rows only when it has its own, so a store without history keeps the migrations' values.
 */
export const PRESET_TABLES: ReadonlySet<keyof SeedData> = new Set<keyof SeedData>(['reportZone', 'counters']);

/** The report rollups, which triggers fill from the rows above: emptied with them, so a second run does not add twice. */
export const ROLLUP_TABLES: readonly SQLiteTable[] = [
  s.reportSalesDaily,
  s.reportProductDaily,
  s.reportCountryDaily,
  s.reportPromotionDaily,
  s.reportCustomerTotals,
];
