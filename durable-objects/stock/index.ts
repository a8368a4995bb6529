/** How callers reach stock: one StockDO per SKU. */
import type { StockDO } from './stock-do';

export type {
  AdjustReason,
  LiveStockMessage,
  ReservationResult,
  ReservationStatus,
  ReserveResult,
  StockSnapshot,
} from './stock-schemas';
export {
  DEFAULT_HOLD_MS,
  LIVE_PING,
  LIVE_PONG,
  MAX_HOLD_MS,
  MAX_STOCK_QUANTITY,
  SETTLED_RETENTION_MS,
} from './stock-schemas';

/** The RPC stub of the StockDO for `sku` (the DO re-checks the sku it is given). */
export function stockStub(
  env: { STOCK: DurableObjectNamespace<StockDO> },
  sku: string,
): DurableObjectStub<StockDO> {
  return env.STOCK.getByName(sku);
}
