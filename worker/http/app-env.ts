/** The Hono environment every API module shares: bindings plus per-request variables. */
import type { Db } from '@db/client';
import type { Env } from '@worker/env';

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: Db;
    /** Set by the Idempotency-Key middleware: the id the request's writes are made idempotent with. */
    idempotencyRequestId?: string;
    /** Set by a handler: a replay of this request re-reads the resource (e.g. `cart:<id>`) instead of a stored body. */
    idempotencyReplay?: string;
  };
}
