/**
 * The cart as this device shows it: the last cart the server sent, with the cart writes still in the outbox applied
 * on top (domain/cart/cart-intents.ts) and priced by the same priceCart the server uses.
 */

import { applyCartIntents, type CartIntent } from '@domain/cart/cart-intents';
import { priceCart } from '@domain/cart/cart-totals';
import type { Money } from '@domain/pricing/money';
import { type Promotion, PromotionInput } from '@domain/pricing/promotions';
import { z } from 'zod';
import type { OutboxEntry } from './db';

const MoneyIn = z.object({ amount: z.number().int(), currency: z.string().length(3) });

/**
 * The part of GET /api/carts/{id} a device needs. Checked on arrival (zod at the edge): the page and the notice
 * only ever see this shape.
 */
export const ServerCartSchema = z.object({
  id: z.string(),
  currency: z.string().length(3),
  lines: z.array(
    z.object({
      sku: z.string(),
      quantity: z.number().int(),
      productName: z.string(),
      variantLabel: z.string(),
      unitPrice: MoneyIn,
      // What promotions match the line by (sent by the server; absent on carts kept by an older release).
      productId: z.string().optional(),
      categoryIds: z.array(z.string()).optional(),
      collectionIds: z.array(z.string()).optional(),
    }),
  ),
  itemCount: z.number().int(),
  subtotal: MoneyIn,
  unavailableSkus: z.array(z.string()),
});
/** A cart as the server sent it. */
export type ServerCart = z.infer<typeof ServerCartSchema>;

/** A line as the device shows it; `unitPrice` is null for a line added offline with no known price. */
export interface ShownLine {
  sku: string;
  quantity: number;
  productName: string;
  /** The variant's options as the server labels them ('' for a line added offline the server has not priced yet). */
  variantLabel: string;
  unitPrice: Money | null;
  lineTotal: Money | null;
}

/** The cart the device shows: lines, item count and an estimated subtotal (the server reprices on replay). */
export interface ShownCart {
  currency: string;
  lines: ShownLine[];
  itemCount: number;
  subtotal: Money;
  /** SKUs the server said it no longer sells (kept from the server cart the view started from). */
  unavailableSkus: string[];
  /** Automatic promotions this device expects to apply (the server's evaluation, run here; the server decides). */
  promotions: { name: string; amount: Money }[];
}

/**
 * The body of GET /api/promotions/automatic as promotions, each checked with the same schema administrators write
 * through; one that does not parse (a newer release's shape) is left out, so the estimate errs towards full price.
 */
export function parsePromotions(raw: unknown): Promotion[] {
  const body = z.object({ promotions: z.array(z.record(z.string(), z.unknown())) }).safeParse(raw);
  if (!body.success) return [];
  return body.data.promotions.flatMap(({ id, ...rest }) => {
    const parsed = PromotionInput.safeParse(rest);
    return typeof id === 'string' && parsed.success ? [{ ...parsed.data, id }] : [];
  });
}

/** Promotions see an offline shopper as the cart page's server does: anyone, anywhere, no codes. */
const EVERYONE = {
  customer: { signedIn: false, previousOrders: 0 },
  shippingCountry: null,
  codes: [],
} as const;

/** What the device knows about a SKU it has not seen in a server cart (from the product page that added it). */
export interface LineSnapshot {
  productName?: string | undefined;
  unitPrice?: Money | undefined;
}

/** The cart intent an outbox entry carries for `cartId`, or null for other kinds and other carts. */
export function intentOf(entry: Pick<OutboxEntry, 'kind' | 'payload'>, cartId: string): CartIntent | null {
  const p = entry.payload as { cartId?: unknown; sku?: unknown; quantity?: unknown };
  if (p.cartId !== cartId || typeof p.sku !== 'string') return null;
  const quantity = typeof p.quantity === 'number' ? p.quantity : 0;
  if (entry.kind === 'cart.add') return { type: 'add', sku: p.sku, quantity };
  if (entry.kind === 'cart.set') return { type: 'set', sku: p.sku, quantity };
  if (entry.kind === 'cart.remove') return { type: 'remove', sku: p.sku };
  return null;
}

/**
 * The device's cart: `base` (the last server cart, or null when it has none) with `intents` applied, priced with
 * priceCart from the server's unit prices, else from `snapshots`. Lines without any known price are shown but left
 * out of the subtotal. `automatic` promotions are evaluated as the server's cart does; a line added offline that the
 * server has not described yet matches only order-wide promotions.
 */
export function showCart(
  base: ServerCart | null,
  intents: readonly CartIntent[],
  snapshots: ReadonlyMap<string, LineSnapshot>,
  currency: string,
  automatic: readonly Promotion[] = [],
  now: number = Date.now(),
): ShownCart {
  const known = new Map((base?.lines ?? []).map((l) => [l.sku, l]));
  const cartCurrency = base?.currency ?? currency;
  const lines = applyCartIntents(base?.lines ?? [], intents).map((l) => {
    const snapshot = snapshots.get(l.sku);
    const unitPrice = known.get(l.sku)?.unitPrice ?? snapshot?.unitPrice ?? null;
    const line = known.get(l.sku);
    return {
      sku: l.sku,
      quantity: l.quantity,
      productName: line?.productName ?? snapshot?.productName ?? l.sku,
      variantLabel: line?.variantLabel ?? '',
      unitPrice: unitPrice?.currency === cartCurrency ? unitPrice : null,
      productId: line?.productId,
      categoryIds: line?.categoryIds,
      collectionIds: line?.collectionIds,
    };
  });
  const priceable = lines.filter((l): l is typeof l & { unitPrice: Money } => l.unitPrice !== null);
  const promotions = automatic.length ? { ...EVERYONE, now, automatic } : null;
  const priced = priceCart({ currency: cartCurrency, lines: priceable, promotions });
  const totals = new Map(priced.ok ? priced.value.lines.map((l) => [l.sku, l.lineTotal]) : []);
  return {
    currency: cartCurrency,
    lines: lines.map(({ productId: _p, categoryIds: _c, collectionIds: _l, ...l }) => ({
      ...l,
      lineTotal: totals.get(l.sku) ?? null,
    })),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: priced.ok ? priced.value.subtotal : { amount: 0, currency: cartCurrency },
    unavailableSkus: base?.unavailableSkus ?? [],
    promotions: priced.ok
      ? (priced.value.promotions?.applied ?? [])
          .filter((a) => a.total.amount > 0)
          .map((a) => ({ name: a.name, amount: a.total }))
      : [],
  };
}
