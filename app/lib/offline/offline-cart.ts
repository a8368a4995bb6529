/** Adding to the cart offline: a queued 'cart.add' for the service worker to replay, plus a display snapshot line. */

import { checkLineQuantity, MAX_LINE_QUANTITY } from '@domain/cart/quantity';
import { ok, type Result } from '@domain/core/result';
import type { Money } from '@domain/pricing/money';
import { ensureCartIdInBrowser } from './cart-id';
import { getDb } from './db';
import { enqueue } from './outbox';

/** One add, as the product page knows it: the resolved SKU and what to show until the server confirms. */
export interface OfflineCartAdd {
  sku: string;
  quantity: number;
  productName: string;
  unitPrice: Money;
}

/** What was stored: the cart the add will go to, and the line's quantity now shown on this device. */
export interface OfflineCartAddResult {
  cartId: string;
  lineQuantity: number;
}

/**
 * Queues the add (one outbox entry with its own Idempotency-Key, so the server applies it once however often it is
 * replayed) and adds the quantity to this SKU's cartLines snapshot, minting the cart cookie if there is none yet.
 * Pages import this module lazily, from the submit handler only: it pulls in zod and Dexie.
 * QUANTITY_OUT_OF_RANGE (nothing stored) for a quantity outside 1..MAX_LINE_QUANTITY.
 */
export async function addToCartOffline(
  input: OfflineCartAdd,
  now: number = Date.now(),
): Promise<Result<OfflineCartAddResult>> {
  const quantity = checkLineQuantity(input.quantity);
  if (!quantity.ok) return { ok: false, error: quantity.error };
  const cartId = ensureCartIdInBrowser(now);
  // The outbox entry first: it is what reaches the server; the line is only what this device shows meanwhile.
  await enqueue('cart.add', { cartId, sku: input.sku, quantity: quantity.value }, { now });
  const db = await getDb();
  const lineQuantity = await db.transaction('rw', db.cartLines, async () => {
    const existing = await db.cartLines.get(input.sku);
    const total = Math.min((existing?.quantity ?? 0) + quantity.value, MAX_LINE_QUANTITY);
    await db.cartLines.put({
      sku: input.sku,
      quantity: total,
      addedAt: existing?.addedAt ?? now,
      productName: input.productName,
      unitPrice: input.unitPrice,
    });
    return total;
  });
  return ok({ cartId, lineQuantity });
}
