/**
 * The order's version, bumped in the same statement as every write that changes the order (status, address,
 * shipments, picks, pack; a timeline note does not count), so a client holding an older version sees a conflict.
 */
import { orders } from '@db/schema';
import { sql } from 'drizzle-orm';

/** SET value: the order's version plus one. */
export const bumpedVersion = sql<number>`${orders.version} + 1`;
