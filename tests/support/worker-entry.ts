/** Test entry for the workerd project: the real app and Durable Objects, without the Qwik SSR build (e2e covers pages). */
import { createApp } from '@worker/app';
import type { Env } from '@worker/env';
import { handleTrafficQueue } from '@worker/jobs/traffic-consumer';

export { CartDO } from '@durable-objects/cart/cart-do';
export { StockDO } from '@durable-objects/stock/stock-do';

const app = createApp();

export default {
  fetch: app.fetch,
  // Requests in other tests send real traffic events (wrangler.toml's queue): they are consumed here, as in production.
  queue: (batch, env) => handleTrafficQueue(batch, env),
} satisfies ExportedHandler<Env>;
