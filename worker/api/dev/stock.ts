/**
 * POST /dev/stock/:sku/adjust `{ "delta": -3 }`: a stock correction through the SKU's StockDO, for e2e tests of live
 * availability and for the bench's restocking. POST /dev/stock/:sku/hold: one one-unit hold (a minute), so the bench
 * can measure a single SKU's StockDO; `?holds=N` (up to 50) sends N such holds to the object at once, each its own
 * call, so the bench can also measure what the object sustains when the Worker's own cost per HTTP request (which on
 * Cloudflare runs on other machines than the object, here on the same thread) is shared by many holds. Local
 * development only, under the same two guards as the developer mailbox (outbox mailer and a loopback host);
 * elsewhere they are addresses that do not exist.
 */
import { newId } from '@domain/core/ids';
import { stockStub } from '@durable-objects/stock';
import type { AppEnv } from '@worker/http/app-env';
import { Hono } from 'hono';
import { z } from 'zod';
import { mailboxAvailable } from './mailbox';

const Body = z.strictObject({ delta: z.number().int().min(-1_000_000).max(1_000_000) });
const Holds = z.coerce.number().int().min(1).max(50);

export const devStock = new Hono<AppEnv>()
  .post('/stock/:sku/adjust', async (c, next) => {
    if (!mailboxAvailable(c)) return next();
    const body = Body.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'body must be { delta: integer }' }, 400);
    const sku = c.req.param('sku');
    const result = await stockStub(c.env, sku).adjust({ sku, delta: body.data.delta, reason: 'correction' });
    return c.json(result, result.ok ? 200 : 409, { 'Cache-Control': 'no-store' });
  })
  .post('/stock/:sku/hold', async (c, next) => {
    if (!mailboxAvailable(c)) return next();
    const sku = c.req.param('sku');
    const holds = Holds.safeParse(c.req.query('holds') ?? '1');
    if (!holds.success) return c.json({ error: 'holds must be a whole number from 1 to 50' }, 400);
    const stock = stockStub(c.env, sku);
    const hold = () => stock.reserve({ sku, requestId: newId('request'), quantity: 1, holdMs: 60_000 });
    const results = await Promise.all(Array.from({ length: holds.data }, hold));
    const refused = results.filter((r) => !r.ok);
    const body = holds.data === 1 ? results[0] : { held: results.length - refused.length, refused };
    return c.json(body, refused.length > 0 ? 409 : 201, { 'Cache-Control': 'no-store' });
  });
