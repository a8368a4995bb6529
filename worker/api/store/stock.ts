/** Live availability: GET /api/stock/{sku}/live upgrades to a WebSocket served by the SKU's StockDO. */
import { SkuSchema } from '@domain/catalog/sku';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { openLiveStock } from '@worker/services/inventory/live-stock';

export const stock = newApi();

stock.openapi(
  createRoute({
    method: 'get',
    path: '/stock/{sku}/live',
    tags: ['Catalog'],
    summary: 'Watch a SKU’s availability over a WebSocket',
    description:
      'Send `Upgrade: websocket`. Each message is JSON `{ "sku", "available" }`: one on connect, then one whenever the ' +
      'units available change (a sale, a hold, its expiry, a stock adjustment). Any text sent is answered with the ' +
      'current level; `ping` is answered `pong` without waking the stock object. Open one socket per page, for the ' +
      'variant on show, and reconnect with backoff.',
    request: {
      params: z.object({ sku: SkuSchema }),
      headers: z.object({ upgrade: z.string().optional().openapi({ example: 'websocket' }) }),
    },
    responses: {
      101: { description: 'Switching to the WebSocket protocol' },
      ...problemResponses(400, 404, 426),
      ...faultResponses(),
    },
  }),
  async (c) => {
    if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
      throw new ProblemError(
        'UPGRADE_REQUIRED',
        'This endpoint only speaks WebSocket: send Upgrade: websocket.',
      );
    }
    const { sku } = c.req.valid('param');
    const res = await openLiveStock(c.env, sku, c.req.raw);
    if (res.status === 404) throw new ProblemError('NOT_FOUND', `No stock records for SKU ${sku}.`);
    if (res.status !== 101) throw new ProblemError('VALIDATION_FAILED', await res.text());
    // A fresh response around the DO's socket: the DO's own has immutable headers, and the shared middleware (request
    // id, security headers) still adds its headers to this one.
    return new Response(null, { status: 101, webSocket: res.webSocket }) as unknown as never;
  },
);
