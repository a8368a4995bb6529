/**
 * Bindings and variables the Worker receives (wrangler.toml), for the API, the jobs and the Qwik loaders. Lower layers
 * declare the narrow part they read (db/client DbEnv, CartDO's CartEnv), so nothing below worker/ imports this file.
 */
import type { CartDO } from '@durable-objects/cart/cart-do';
import type { StockDO } from '@durable-objects/stock/stock-do';

export interface Env {
  /** D1 database: the local, embedded default. */
  DB: D1Database;
  /** One StockDO per SKU (idFromName(sku)). */
  STOCK: DurableObjectNamespace<StockDO>;
  /** One CartDO per cart (idFromName(cartId)). */
  CART: DurableObjectNamespace<CartDO>;
  /** Workers static assets (the dist/ build). */
  ASSETS: Fetcher;
  /** Workers Rate Limiting binding. */
  RATE_LIMITER?: RateLimit;
  SHOP_NAME: string;
  SHOP_CURRENCY: string;
  /** When set, the Drizzle client talks to Turso/libSQL instead of D1. */
  TURSO_DATABASE_URL?: string;
  TURSO_AUTH_TOKEN?: string;
}
