/**
 * Units available for an add to cart, kept in this isolate for a moment while a SKU has plenty. An add only caps its
 * line to what is available; what never oversells is the hold placed at checkout (StockDO.reserve). When a SKU had
 * at least PLENTIFUL units a moment ago, no cart line (at most MAX_LINE_QUANTITY) can be cut or refused by it, so
 * asking its StockDO again, one of an add's two object calls (docs/benchmarks.md), would change nothing the shopper
 * sees. Scarce SKUs, where the answer matters, are asked every time. A figure is at most LEVEL_MEMO_MS old, the
 * freshness carts already have for prices (worker/services/catalog/cart-variants.ts).
 */
import { MAX_LINE_QUANTITY } from '@domain/cart/limits';
import type { RpcResult } from '@durable-objects/rpc/rpc-result';
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';

/** Units from which a SKU's figure is kept: two full lines. */
export const PLENTIFUL = 2 * MAX_LINE_QUANTITY;
/** How long a plentiful figure is trusted. */
export const LEVEL_MEMO_MS = 1000;
/** SKUs kept at most: past it the memo starts again (SKUs made up by a client cannot grow it without end). */
const MAX_KEPT = 20_000;

const kept = new Map<string, { available: number; at: number }>();

/** Units of `sku` available, from its StockDO or (when it had plenty a moment ago) from this isolate. */
export async function availableForCart(
  env: Pick<Env, 'STOCK'>,
  sku: string,
  now = Date.now(),
): Promise<RpcResult<{ available: number }>> {
  const recent = kept.get(sku);
  if (recent && now - recent.at < LEVEL_MEMO_MS) return { ok: true, value: { available: recent.available } };
  const level = await stockStub(env, sku).getLevel({ sku });
  if (!level.ok) return level;
  const { available } = level.value;
  if (available >= PLENTIFUL) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(sku, { available, at: now });
  } else {
    kept.delete(sku);
  }
  return { ok: true, value: { available } };
}
