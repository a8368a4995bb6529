/** The Worker entry: the app with Qwik City pages, plus the Durable Object classes it binds. */
import { buildId, fetch as renderPage } from 'qwik-city-ssr';
import { createApp } from './app';
import type { Env } from './env';
import { handleQueue } from './jobs/queues';
import { runScheduled } from './jobs/scheduled';

export { CartDO } from '@durable-objects/cart/cart-do';
export { StockDO } from '@durable-objects/stock/stock-do';

const app = createApp(
  (request, env, ctx) => renderPage(request, env as unknown as Record<string, unknown>, ctx),
  { build: buildId },
);

export default {
  fetch: app.fetch,
  scheduled: (controller, env) => runScheduled(controller, env),
  // The TRAFFIC and REPORTS queues (wrangler.toml), each to its consumer by the batch's queue name.
  queue: (batch, env) => handleQueue(batch, env),
} satisfies ExportedHandler<Env>;
