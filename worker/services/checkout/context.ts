/** What every checkout use case needs: bindings, the database, the clock, the caller, and work after the response. */
import type { Db } from '@db/client';
import type { Env } from '@worker/env';

export interface CheckoutContext {
  env: Env;
  db: Db;
  now: number;
  /** The signed-in customer, if any: their checkouts are theirs alone. */
  customerId: string | null;
  /** The shop's origin for return URLs and email links. */
  origin: string;
  /** Runs work after the response (webhook deliveries, the confirmation email). */
  waitUntil(promise: Promise<unknown>): void;
}
