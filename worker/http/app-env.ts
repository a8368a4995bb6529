/** The Hono environment every API module shares: bindings plus per-request variables. */
import type { Db } from '@db/client';
import type { Env } from '@worker/env';

export interface AppEnv {
  Bindings: Env;
  Variables: { requestId: string; db: Db };
}
