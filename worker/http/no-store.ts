/** One shopper's data (a cart, a checkout): no browser or shared cache may keep it, the service worker included. */
import { createMiddleware } from 'hono/factory';

export const noStore = createMiddleware(async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});
