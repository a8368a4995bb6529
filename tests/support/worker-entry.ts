/** Test entry for the workerd project: the real app and Durable Objects, without the Qwik SSR build (e2e covers pages). */
import { createApp } from '@worker/app';
import type { Env } from '@worker/env';
import { handleQueue } from '@worker/jobs/queues';

export { CartDO } from '@durable-objects/cart/cart-do';
export { StockDO } from '@durable-objects/stock/stock-do';

const app = createApp();

export default {
  fetch: app.fetch,
  // Tests send real traffic events and report rebuilds (wrangler.toml's queues): they are consumed here, as in
  // production.
  queue: (batch, env) => handleQueue(batch, env),
} satisfies ExportedHandler<Env>;
