/** Pure stock arithmetic for one SKU (the StockDO loads a level, calls one of these, stores the result). */
import { fail, ok, type Result } from '@domain/core/result';

/**
 * Stock of one SKU. `onHand` is physically in the warehouse; `reserved` is held for carts and
 * unpaid checkouts. Invariant: 0 <= reserved <= onHand, both integers.
 */
export type StockLevel = { onHand: number; reserved: number };

function assertLevel(level: StockLevel): void {
  const { onHand, reserved } = level;
  if (!Number.isSafeInteger(onHand) || !Number.isSafeInteger(reserved) || reserved < 0 || reserved > onHand) {
    // Stored state that breaks the invariant is corruption, not a customer problem.
    throw new RangeError(`invalid stock level: onHand=${onHand} reserved=${reserved}`);
  }
}

function checkQty(qty: number): Result<number> {
  if (Number.isSafeInteger(qty) && qty > 0) return ok(qty);
  return fail('QUANTITY_OUT_OF_RANGE', 'Stock quantity must be a positive whole number.', { received: qty });
}

/** Units that can still be reserved: onHand - reserved. */
export function available(level: StockLevel): number {
  assertLevel(level);
  return level.onHand - level.reserved;
}

/** Holds `qty` units; INSUFFICIENT_STOCK (meta `{ available }`) when fewer are available. */
export function reserveStock(level: StockLevel, qty: number): Result<StockLevel> {
  const q = checkQty(qty);
  if (!q.ok) return q;
  const free = available(level);
  if (qty > free) {
    return fail('INSUFFICIENT_STOCK', `Only ${free} left in stock.`, { available: free, requested: qty });
  }
  return ok({ onHand: level.onHand, reserved: level.reserved + qty });
}

/** Gives back `qty` held units (cart removed, hold expired, payment failed). CONFLICT if fewer are held. */
export function releaseStock(level: StockLevel, qty: number): Result<StockLevel> {
  const q = checkQty(qty);
  if (!q.ok) return q;
  assertLevel(level);
  if (qty > level.reserved) {
    // Releasing more than is held means a double release; refuse rather than silently clamp.
    return fail('CONFLICT', `Cannot release ${qty}: only ${level.reserved} reserved.`, {
      reserved: level.reserved,
    });
  }
  return ok({ onHand: level.onHand, reserved: level.reserved - qty });
}

/** Turns `qty` held units into a sale: they leave both reserved and onHand. CONFLICT if fewer are held. */
export function commitStock(level: StockLevel, qty: number): Result<StockLevel> {
  const q = checkQty(qty);
  if (!q.ok) return q;
  assertLevel(level);
  if (qty > level.reserved) {
    return fail('CONFLICT', `Cannot commit ${qty}: only ${level.reserved} reserved.`, {
      reserved: level.reserved,
    });
  }
  return ok({ onHand: level.onHand - qty, reserved: level.reserved - qty });
}

/**
 * Changes onHand by an integer `delta` (restock +, shrinkage/damage -). It may not drop onHand
 * below what is reserved, since those units are promised: INSUFFICIENT_STOCK with `{ available }`.
 */
export function adjustOnHand(level: StockLevel, delta: number): Result<StockLevel> {
  if (!Number.isSafeInteger(delta) || !Number.isSafeInteger(level.onHand + delta)) {
    return fail('VALIDATION_FAILED', 'Stock adjustment must be a whole number.', { received: delta });
  }
  const free = available(level);
  if (level.onHand + delta < level.reserved) {
    return fail('INSUFFICIENT_STOCK', `Cannot remove ${-delta}: only ${free} not reserved.`, {
      available: free,
    });
  }
  return ok({ onHand: level.onHand + delta, reserved: level.reserved });
}

/** Sets onHand to a counted value (stocktake); same rule as adjustOnHand. */
export function setOnHand(level: StockLevel, onHand: number): Result<StockLevel> {
  assertLevel(level);
  return adjustOnHand(level, onHand - level.onHand);
}

/** True when available units are at or below `threshold` (the "only a few left" / reorder signal). */
export function isLowStock(level: StockLevel, threshold: number): boolean {
  return available(level) <= threshold;
}

/**
 * A cart line of `quantity` units against `availableUnits` in stock: INSUFFICIENT_STOCK (meta `{ sku, available }`)
 * when the line would hold more than is available. The CartDO applies it inside its critical section, so concurrent
 * adds to one cart cannot together pass what one check allows.
 */
export function checkLineAvailable(sku: string, quantity: number, availableUnits: number): Result<number> {
  if (quantity <= availableUnits) return ok(quantity);
  return fail('INSUFFICIENT_STOCK', `Only ${availableUnits} of ${sku} available.`, {
    sku,
    available: availableUnits,
  });
}
