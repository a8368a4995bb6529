/** Live availability through the real Worker and StockDO: a watcher hears every change another shopper causes. */

import { env } from 'cloudflare:workers';
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import { seedInventory, uniqueSku } from '@tests/support/stock-fixtures';
import { newClient } from '@tests/support/workerd';
import { describe, expect, it } from 'vitest';

type Live = { sku: string; available: number };

/** Opens the live socket for `sku` and returns a reader of its next messages. */
async function watch(sku: string) {
  const res = await newClient()(`/api/stock/${sku}/live`, { headers: { Upgrade: 'websocket' } });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const queue: Live[] = [];
  const waiters: ((m: Live) => void)[] = [];
  ws.addEventListener('message', (e) => {
    const message = JSON.parse(String(e.data)) as Live;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  ws.accept();
  const next = () =>
    new Promise<Live>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('no message within 2 s')), 2000);
      waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  return { ws, next };
}

describe('GET /api/stock/{sku}/live', () => {
  it('sends the level on connect, then each change: a reserve, a release, an adjustment, a commit', async () => {
    const sku = uniqueSku('LIVE');
    await seedInventory(sku, 3);
    const watcher = await watch(sku);
    const other = await watch(sku); // a second page on the same product
    expect(await watcher.next()).toEqual({ sku, available: 3 });
    expect(await other.next()).toEqual({ sku, available: 3 });

    // Another shopper's cart holds two.
    const stock = stockStub(env, sku);
    const hold = newId('request');
    expect((await stock.reserve({ sku, requestId: hold, quantity: 2 })).ok).toBe(true);
    expect(await watcher.next()).toEqual({ sku, available: 1 });
    expect(await other.next()).toEqual({ sku, available: 1 });

    // The last one is bought.
    const last = newId('request');
    await stock.reserve({ sku, requestId: last, quantity: 1 });
    expect(await watcher.next()).toEqual({ sku, available: 0 });
    await stock.commit({ sku, requestId: last }); // a sale: on-hand and reserved drop together, available stays 0
    await stock.release({ sku, requestId: hold });
    expect(await watcher.next()).toEqual({ sku, available: 2 });
    await stock.adjust({ sku, delta: 5, reason: 'restock' });
    expect(await watcher.next()).toEqual({ sku, available: 7 });

    // A failed call changes nothing and says nothing; any text is answered with the current level.
    await stock.reserve({ sku, requestId: newId('request'), quantity: 100 });
    watcher.ws.send('sync');
    expect(await watcher.next()).toEqual({ sku, available: 7 });
    watcher.ws.close(1000, 'done');
    other.ws.close(1000, 'done');
  });

  it('answers 426 without an Upgrade header, 404 for an unknown SKU and 400 for a malformed one', async () => {
    const api = newClient();
    const plain = await api('/api/stock/ANY-SKU/live');
    expect(plain.status).toBe(426);
    expect(plain.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await plain.json()) as { code: string }).code).toBe('UPGRADE_REQUIRED');

    const unknown = await api(`/api/stock/${uniqueSku('NONE')}/live`, { headers: { Upgrade: 'websocket' } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('NOT_FOUND');

    const bad = await api('/api/stock/%3Cscript%3E/live', { headers: { Upgrade: 'websocket' } });
    expect(bad.status).toBe(400);
  });
});
