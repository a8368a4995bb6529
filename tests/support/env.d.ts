/** `env` from 'cloudflare:test' is typed as Cloudflare.Env: the Worker's bindings plus the test-only migrations. */
import type { Env as WorkerEnv } from '@worker/env';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    }
  }
}
