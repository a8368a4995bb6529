/**
 * What one cart write means, as a pure rule: the sequential model of the cart that the CartDO implements and that a
 * device applies to show writes still queued offline. Chosen so replays from many devices converge (see
 * docs/architecture.md, "Offline cart: intents and convergence"): add is additive, set is absolute, remove is
 * idempotent, and a write the rules refuse changes nothing.
 */

import { ok, type Result } from '@domain/core/result';
import { checkLineAvailable } from '@domain/inventory/stock';
import { checkCartLineCount, checkLineQuantity } from './quantity';

/** One shopper intent, as queued in the outbox ('cart.add' / 'cart.set' / 'cart.remove'). */
export type CartIntent =
  | { type: 'add'; sku: string; quantity: number }
  | { type: 'set'; sku: string; quantity: number }
  | { type: 'remove'; sku: string };

/** A line as the rule sees it: a SKU and its units (prices are looked up separately, never part of the rule). */
export interface IntentLine {
  sku: string;
  quantity: number;
}

/**
 * The lines after `intent`, or why it is refused (QUANTITY_OUT_OF_RANGE, INSUFFICIENT_STOCK, CART_LINE_LIMIT).
 * `available` is the SKU's sellable units when known (the server knows, a device offline does not).
 * Existing lines keep their order; a new line goes last.
 */
export function applyCartIntent(
  lines: readonly IntentLine[],
  intent: CartIntent,
  available?: number,
): Result<IntentLine[]> {
  const existing = lines.find((l) => l.sku === intent.sku);
  const without = lines.filter((l) => l.sku !== intent.sku);
  if (intent.type === 'remove' || (intent.type === 'set' && intent.quantity === 0)) return ok(without);
  const step = checkLineQuantity(intent.quantity);
  if (!step.ok) return step;
  const total = intent.type === 'add' ? (existing?.quantity ?? 0) + intent.quantity : intent.quantity;
  const inRange = checkLineQuantity(total);
  if (!inRange.ok) return inRange;
  if (available !== undefined) {
    const inStock = checkLineAvailable(intent.sku, total, available);
    if (!inStock.ok) return inStock;
  }
  if (!existing) {
    const count = checkCartLineCount(lines.length + 1);
    if (!count.ok) return count;
    return ok([...lines, { sku: intent.sku, quantity: total }]);
  }
  return ok(lines.map((l) => (l.sku === intent.sku ? { sku: l.sku, quantity: total } : l)));
}

/**
 * What a device shows: the last cart the server sent with the intents still queued applied on top, in queue order.
 * An intent the rules refuse is skipped here (the server will refuse it too, and the page then says so).
 */
export function applyCartIntents(lines: readonly IntentLine[], intents: readonly CartIntent[]): IntentLine[] {
  let current = lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  for (const intent of intents) {
    const next = applyCartIntent(current, intent);
    if (next.ok) current = next.value;
  }
  return current;
}
