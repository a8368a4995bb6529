/** Reconciliation: a SKU's level as its StockDO holds it, against what its ledger sums to and the on-hand mirror. */

/** On-hand and reserved units. */
export type Counts = { onHand: number; reserved: number };

/** One SKU's comparison; `drift` lists what disagrees (empty when all three agree). */
export interface Reconciliation {
  sku: string;
  object: Counts;
  ledger: Counts;
  /** inventory_levels.on_hand, or null when the SKU has no row. */
  mirror: number | null;
  drift: ('on_hand' | 'reserved' | 'mirror')[];
}

/** Compares the object's counts (the authority) with the ledger's sums and the database's on-hand mirror. */
export function reconcile(
  sku: string,
  object: Counts,
  ledger: Counts,
  mirror: number | null,
): Reconciliation {
  const drift: Reconciliation['drift'] = [];
  if (ledger.onHand !== object.onHand) drift.push('on_hand');
  if (ledger.reserved !== object.reserved) drift.push('reserved');
  if (mirror !== object.onHand) drift.push('mirror');
  return { sku, object, ledger, mirror, drift };
}
