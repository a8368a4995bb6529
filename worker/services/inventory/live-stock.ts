/** Live availability sockets: hands a WebSocket upgrade to the SKU's StockDO (durable-objects/stock, `fetch`). */
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';

/** The StockDO's answer to an upgrade for `sku`: 101 with the socket, 404 for an unknown SKU, 426 without Upgrade. */
export async function openLiveStock(
  env: Pick<Env, 'STOCK'>,
  sku: string,
  request: Request,
): Promise<Response> {
  const url = `https://stock.internal/live?sku=${encodeURIComponent(sku)}`;
  return stockStub(env, sku).fetch(url, { headers: { Upgrade: request.headers.get('Upgrade') ?? '' } });
}
