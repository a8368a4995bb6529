/**
 * The reconciliation job: recomputes SKUs from the stock ledger and compares them with their StockDO (and the on-hand
 * mirror), reporting any drift. The object first writes anything it still had queued.
 */
import type { Db } from '@db/client';
import { getInventoryLevel } from '@db/repositories/inventory';
import { ledgerTotals, skusMovedSince } from '@db/repositories/stock-ledger';
import { type Reconciliation, reconcile } from '@domain/inventory/reconcile';
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';

type StockEnv = Pick<Env, 'STOCK'>;

/** One SKU's reconciliation, or null when it has no stock records. */
export async function reconcileSku(env: StockEnv, db: Db, sku: string): Promise<Reconciliation | null> {
  const stock = stockStub(env, sku);
  const level = await stock.getLevel({ sku });
  if (!level.ok) return null;
  await stock.syncLedger(); // what the object did so far is in the ledger before it is summed
  const [ledger, mirror] = await Promise.all([ledgerTotals(db, sku), getInventoryLevel(db, sku)]);
  const object = { onHand: level.value.onHand, reserved: level.value.reserved };
  return reconcile(sku, object, ledger, mirror?.onHand ?? null);
}

/** Reconciles every SKU that moved since `since` (a day's worth per nightly run); returns those that drifted. */
export async function reconcileMovedSince(
  env: StockEnv,
  db: Db,
  since: number,
): Promise<{ checked: number; drifted: Reconciliation[] }> {
  const skus = await skusMovedSince(db, since);
  const drifted: Reconciliation[] = [];
  for (const sku of skus) {
    const result = await reconcileSku(env, db, sku);
    if (result && result.drift.length > 0) drifted.push(result);
  }
  return { checked: skus.length, drifted };
}
