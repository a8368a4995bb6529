/**
 * Cart writes made offline: each is one outbox entry (its own Idempotency-Key) for the service worker to replay, and
 * an update of this device's cartLines at once, so the cart page and the header count show it before the server has.
 */

import { checkLineQuantity, MAX_LINE_QUANTITY, SetQuantitySchema } from '@domain/cart/quantity';
import { fail, ok, type Result } from '@domain/core/result';
import type { Money } from '@domain/pricing/money';
import type { Promotion } from '@domain/pricing/promotions';
import { ensureCartIdInBrowser } from './cart-id';
import {
  intentOf,
  type LineSnapshot,
  parsePromotions,
  type ServerCart,
  type ShownCart,
  showCart,
} from './cart-view';
import { getDb, getMeta, setMeta } from './db';
import { enqueue, type OutboxRejection, REJECTED_META_KEY } from './outbox';
import { CART_QUEUED_CHANNEL } from './sw-messages';

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

function tellOtherTabs(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CART_QUEUED_CHANNEL);
  channel.postMessage({ type: 'cart-queued' });
  channel.close();
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
  tellOtherTabs();
  return ok({ cartId, lineQuantity });
}

/**
 * Queues "set this line to `quantity`" (0 removes it) for cart `cartId`, and records it in cartLines with what the
 * page knows of the line. Absolute, so replaying it after other devices' writes still leaves what the shopper chose.
 * QUANTITY_OUT_OF_RANGE (nothing stored) outside 0..MAX_LINE_QUANTITY.
 */
export async function setCartQuantityOffline(
  cartId: string,
  input: { sku: string; quantity: number } & LineSnapshot,
  now: number = Date.now(),
): Promise<Result<true>> {
  const quantity = SetQuantitySchema.safeParse(input.quantity);
  if (!quantity.success) {
    return fail('QUANTITY_OUT_OF_RANGE', `Quantity must be a whole number from 0 to ${MAX_LINE_QUANTITY}.`, {
      min: 0,
      max: MAX_LINE_QUANTITY,
      received: input.quantity,
    });
  }
  if (quantity.data === 0) return removeFromCartOffline(cartId, input.sku, now);
  await enqueue('cart.set', { cartId, sku: input.sku, quantity: quantity.data }, { now });
  const db = await getDb();
  await db.transaction('rw', db.cartLines, async () => {
    const existing = await db.cartLines.get(input.sku);
    await db.cartLines.put({
      sku: input.sku,
      quantity: quantity.data,
      addedAt: existing?.addedAt ?? now,
      productName: input.productName ?? existing?.productName,
      unitPrice: input.unitPrice ?? existing?.unitPrice,
    });
  });
  tellOtherTabs();
  return ok(true);
}

/** Queues the removal of `sku` from cart `cartId` (idempotent on the server) and drops it from cartLines. */
export async function removeFromCartOffline(
  cartId: string,
  sku: string,
  now: number = Date.now(),
): Promise<Result<true>> {
  await enqueue('cart.remove', { cartId, sku }, { now });
  await (await getDb()).cartLines.delete(sku);
  tellOtherTabs();
  return ok(true);
}

/**
 * The cart this device shows for `cartId`: `base` (the server cart the page was rendered with) plus every cart write
 * still queued for it (`pending` of them), priced with priceCart; names and prices of lines added offline come from cartLines.
 */
export async function readDeviceCart(
  cartId: string,
  base: ServerCart | null,
  currency: string,
): Promise<{ cart: ShownCart; pending: number }> {
  const db = await getDb();
  const [entries, lines, automatic] = await Promise.all([
    db.outbox.orderBy('id').toArray(),
    db.cartLines.toArray(),
    knownPromotions(),
  ]);
  const intents = entries.map((e) => intentOf(e, cartId)).filter((i) => i !== null);
  const snapshots = new Map(
    lines.map((l) => [l.sku, { productName: l.productName, unitPrice: l.unitPrice }]),
  );
  return { cart: showCart(base, intents, snapshots, currency, automatic), pending: intents.length };
}

/**
 * The automatic promotions for offline totals: the service worker answers from its catalog cache when the network
 * is gone (stale-while-revalidate, app/sw.ts); with neither, none (the estimate errs towards full price).
 */
async function knownPromotions(): Promise<Promotion[]> {
  try {
    const response = await fetch('/api/promotions/automatic', { credentials: 'same-origin' });
    return response.ok ? parsePromotions(await response.json()) : [];
  } catch {
    return [];
  }
}

/** Meta key: when this device last told the shopper about refused cart writes (epoch ms). */
const REJECTIONS_SEEN_META_KEY = 'cart.rejections-seen-at';

/**
 * Refused writes to cart `cartId` the shopper has not been told about (replays that ran while no cart page was
 * open, e.g. Background Sync after the tab closed), oldest first; marks everything up to `now` as told.
 */
export async function takeUnseenRejections(
  cartId: string,
  now: number = Date.now(),
): Promise<OutboxRejection[]> {
  const [all, seenAt] = await Promise.all([
    getMeta<OutboxRejection[]>(REJECTED_META_KEY),
    getMeta<number>(REJECTIONS_SEEN_META_KEY),
  ]);
  await markRejectionsSeen(now);
  return (all ?? []).filter(
    (r) => (r.payload as { cartId?: unknown })?.cartId === cartId && r.at > (seenAt ?? 0) && r.at <= now,
  );
}

/** Records that the shopper has been told about every refused write up to `now` (the cart page just showed them). */
export async function markRejectionsSeen(now: number = Date.now()): Promise<void> {
  await setMeta(REJECTIONS_SEEN_META_KEY, now);
}
