/**
 * A checkout's stock holds, one per line in the SKU's StockDO: placed when the order is placed, committed when the
 * payment succeeds, released when it fails or the shopper changes the cart. Every call is idempotent by request id.
 */
import type { Db } from '@db/client';
import { releasePromotionUses } from '@db/repositories/promotion-uses';
import { type CheckoutLine, CheckoutLineSchema, holdRequestId } from '@domain/checkout/checkout';
import { fail, ok, type Result } from '@domain/core/result';
import { DEFAULT_HOLD_MS, stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';
import { z } from 'zod';

type StockEnv = Pick<Env, 'STOCK'>;

/** The frozen lines stored on a placed checkout. */
export const parseLines = (json: string | null): CheckoutLine[] =>
  json ? z.array(CheckoutLineSchema).parse(JSON.parse(json)) : [];

/** Whose holds: the checkout and its attempt (`<n>-late` for holds placed again after a lapse). */
type Holder = { checkoutId: string; attempt: number | string };

/** The request id of `holder`'s hold on `line`, the same for every call about it. */
const holdIdOf = (holder: Holder, line: CheckoutLine) =>
  holdRequestId(holder.checkoutId, holder.attempt, line.sku);

/** Holds one line (or, replayed, answers how its hold stands: the StockDO never holds one request id twice). */
function reserveLine(env: StockEnv, holder: Holder, line: CheckoutLine) {
  return stockStub(env, line.sku).reserve({
    sku: line.sku,
    requestId: holdIdOf(holder, line),
    quantity: line.quantity,
    holdMs: DEFAULT_HOLD_MS,
  });
}

/** Turns one line's hold into a sale (replayed, answers the same). */
function commitLine(env: StockEnv, holder: Holder, line: CheckoutLine) {
  return stockStub(env, line.sku).commit({ sku: line.sku, requestId: holdIdOf(holder, line) });
}

/** Holds every line, or none: when one SKU is short, the holds already placed are given back. */
export async function holdLines(
  env: StockEnv,
  holder: Holder,
  lines: readonly CheckoutLine[],
): Promise<Result<{ expiresAt: number; lowStock: { sku: string; available: number }[] }>> {
  const results = await Promise.all(lines.map((line) => reserveLine(env, holder, line)));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) {
    await releaseLines(env, holder, lines);
    return failed.error.code === 'INSUFFICIENT_STOCK'
      ? fail('INSUFFICIENT_STOCK', failed.error.detail, failed.error.meta)
      : failed;
  }
  const expiries = results.map((r) => (r.ok ? r.value.expiresAt : 0));
  const lowStock = results.flatMap((r, i) =>
    r.ok && r.value.lowStockAlert ? [{ sku: lines[i]!.sku, available: r.value.available }] : [],
  );
  return ok({ expiresAt: Math.min(...expiries), lowStock });
}

/** Gives back every line's hold (a line never held, or already given back, is fine). */
export async function releaseLines(
  env: StockEnv,
  holder: Holder,
  lines: readonly CheckoutLine[],
): Promise<void> {
  await Promise.all(
    lines.map((line) =>
      stockStub(env, line.sku).release({
        sku: line.sku,
        requestId: holdIdOf(holder, line),
      }),
    ),
  );
}

/**
 * Turns every line's hold into a sale. Holds are normally still live, so every line is committed at once (one call
 * per line). A hold that lapsed while the shopper paid is placed again under a new id and committed, when the stock is
 * still there; when it is not, the lines committed by this call go back on hand (reason `return`, once per hold: a
 * concurrent or repeated completion returns nothing twice), nothing stays sold, and the answer is INSUFFICIENT_STOCK,
 * so the caller refunds.
 */
export async function commitLines(
  env: StockEnv,
  holder: Holder,
  lines: readonly CheckoutLine[],
): Promise<Result<true>> {
  const first = await Promise.all(lines.map((line) => commitLine(env, holder, line)));
  const late = lines.filter((_, i) => !first[i]!.ok); // released or expired: needs a new hold
  if (late.length === 0) return ok(true);
  const lateHolder = { checkoutId: holder.checkoutId, attempt: `${holder.attempt}-late` };
  const again = await holdLines(env, lateHolder, late);
  if (!again.ok) {
    await returnLines(
      env,
      holder,
      lines.filter((_, i) => first[i]!.ok),
    );
    return again;
  }
  await Promise.all(
    late.map(async (line) => {
      const committed = await commitLine(env, lateHolder, line);
      if (!committed.ok)
        throw new Error(`commit of ${line.sku} for ${holder.checkoutId} failed: ${committed.error.code}`);
    }),
  );
  return ok(true);
}

/** Puts committed lines back on hand (a sale that cannot stand); each hold's units come back once. */
async function returnLines(env: StockEnv, holder: Holder, lines: readonly CheckoutLine[]): Promise<void> {
  await Promise.all(
    lines.map(async (line) => {
      const requestId = holdIdOf(holder, line);
      const returned = await stockStub(env, line.sku).adjust({
        sku: line.sku,
        delta: line.quantity,
        reason: 'return',
        requestId: `unsold:${requestId}`,
        reference: requestId,
        note: 'Sold while another line of the order sold out: back on hand, the payment refunded.',
      });
      if (!returned.ok) throw new Error(`return of ${requestId} failed: ${returned.error.code}`);
    }),
  );
}

/** Gives back everything a paying checkout holds: its lines' stock and its promotions' uses. */
export async function releaseCheckoutHolds(
  ctx: { env: StockEnv; db: Db },
  row: { id: string; attempt: number; lines: string | null },
): Promise<void> {
  await Promise.all([
    releaseLines(ctx.env, { checkoutId: row.id, attempt: row.attempt }, parseLines(row.lines)),
    releasePromotionUses(ctx.db, row.id),
  ]);
}
