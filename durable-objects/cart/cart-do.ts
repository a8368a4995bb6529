/** CartDO: one Durable Object per cart, holding only SKUs and quantities in its SQLite storage. */
import { DurableObject } from 'cloudflare:workers';
import { applyCartIntent, type CartIntent } from '@domain/cart/cart-intents';
import { checkCartLineCount, checkLineQuantity } from '@domain/cart/quantity';
import { fail, ok, type Result } from '@domain/core/result';
import { parseInput } from '@durable-objects/rpc/parse-input';
import { type RpcResult, toRpc } from '@durable-objects/rpc/rpc-result';
import {
  AddItemInput,
  type CartLine,
  type CartView,
  ClearCartInput,
  GetCartInput,
  MergeInput,
  RemoveItemInput,
  SetQuantityInput,
} from './cart-schemas';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cart_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS lines (
    sku TEXT PRIMARY KEY,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    added_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS applied_requests (
    request_id TEXT PRIMARY KEY,
    op TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS applied_requests_at ON applied_requests (applied_at);
`;

/**
 * How long the cart remembers a request id it applied. Longer than an Idempotency-Key lives (24 h, purged daily,
 * so up to 48 h): a retry the API lets through again is always recognised. Older ids are pruned on each write.
 */
export const APPLIED_REQUEST_RETENTION_MS = 72 * 60 * 60 * 1000;

/**
 * An untouched cart is deleted after 90 days: three times the cart cookie's 30-day life, so a shopper who comes
 * back within the cookie's life always finds it, and abandoned carts do not pile up in storage forever.
 */
export const CART_IDLE_MS = 90 * 24 * 60 * 60 * 1000;

/** How far behind the ideal time the idle alarm may be left (see `kept`). */
const ALARM_SLACK_MS = 60 * 60 * 1000;

type MetaRow = { cart_id: string; currency: string; updated_at: number };
type LineRow = { sku: string; quantity: number; added_at: number };

/** The writes that may carry a request id, and their inputs with it. */
type WriteInput = { cartId: string; requestId?: string | undefined; now?: number | undefined };

/** What a CartDO reads from its environment: the shop's one currency, recorded on each new cart. */
export interface CartEnv {
  SHOP_CURRENCY: string;
}

/**
 * A shopping cart. Prices are never stored or accepted (the caller prices lines from D1 at read
 * time) and stock is checked by the caller before `addItem`, so this object makes no cross-object
 * or network calls: every method runs start to finish without yielding, hence atomically.
 * Mutations create the cart on first use (ids may be minted offline); reads of a cart that was
 * never written return NOT_FOUND.
 *
 * Writes are idempotent by `requestId` (as StockDO's reserve/adjust are): a write that succeeded records its id
 * with the write itself, and the same id again returns the current view without applying anything (a different
 * write under that id is a CONFLICT). The API passes an id derived from the Idempotency-Key, so a retry after a
 * failure further on (pricing, storing the response) cannot add twice.
 */
export class CartDO extends DurableObject<CartEnv> {
  /** The idle alarm this instance last set; undefined when unknown (a fresh instance) or after it fired. */
  private alarmAt: number | undefined;

  constructor(ctx: DurableObjectState, env: CartEnv) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      ctx.storage.sql.exec(SCHEMA);
    });
  }

  /** The cart, or NOT_FOUND when nothing was ever added to it. */
  async get(input: GetCartInput): Promise<RpcResult<CartView>> {
    return toRpc(this.readCart(input));
  }

  /**
   * Adds `quantity` units of `sku` (to an existing line's quantity); the line total must stay in range and, when
   * given, within `available` (checked here, atomically, so concurrent adds cannot pass it together).
   */
  async addItem(input: AddItemInput): Promise<RpcResult<CartView>> {
    return this.kept(this.once('add', input, () => this.addLine(input)));
  }

  /** Sets the line for `sku` to `quantity` (within `available` when given); 0 removes it. */
  async setQuantity(input: SetQuantityInput): Promise<RpcResult<CartView>> {
    return this.kept(this.once('set', input, () => this.setLine(input)));
  }

  /** Removes the line for `sku`; removing a line that is not there is a no-op success. */
  async removeItem(input: RemoveItemInput): Promise<RpcResult<CartView>> {
    return this.kept(this.once('remove', input, () => this.removeLine(input)));
  }

  /** Removes every line (after checkout, or on request); the cart itself stays. */
  async clear(input: ClearCartInput): Promise<RpcResult<CartView>> {
    return this.kept(this.once('clear', input, () => this.clearLines(input)));
  }

  /**
   * Applies an offline cart: each given line's quantity is set (0 removes), other lines stay.
   * All or nothing: one bad quantity or exceeding MAX_CART_LINES changes nothing.
   */
  async merge(input: MergeInput): Promise<RpcResult<CartView>> {
    return this.kept(this.once('merge', input, () => this.mergeLines(input)));
  }

  /** Forgets a cart nobody has changed for CART_IDLE_MS: its lines and meta go, the object reads as never written. */
  override async alarm(): Promise<void> {
    this.alarmAt = undefined;
    this.ctx.storage.transactionSync(() => {
      this.ctx.storage.sql.exec('DELETE FROM lines');
      this.ctx.storage.sql.exec('DELETE FROM meta');
      this.ctx.storage.sql.exec('DELETE FROM applied_requests');
    });
  }

  /**
   * After a successful change, pushes the idle expiry back (wall clock: `now` inputs may be synthetic). Setting an
   * alarm is a storage write, so a change within ALARM_SLACK_MS of the last one this instance set leaves it: a cart
   * may then go up to an hour before its 90 days, and a shopper adding four items pays for one write, not four.
   */
  private kept(result: Result<CartView>): RpcResult<CartView> {
    const due = Date.now() + CART_IDLE_MS;
    if (result.ok && (this.alarmAt === undefined || due - this.alarmAt > ALARM_SLACK_MS)) {
      this.alarmAt = due;
      void this.ctx.storage.setAlarm(due);
    }
    return toRpc(result);
  }

  /**
   * Runs a write once per request id. Without an id: just runs it. With one already applied: the same write returns
   * the current view, another write is a CONFLICT; nothing is applied. Otherwise runs it and, when it succeeded,
   * records the id. All of it is synchronous (no await), so the write and its record commit together.
   */
  private once(kind: string, input: WriteInput, write: () => Result<CartView>): Result<CartView> {
    const requestId = typeof input.requestId === 'string' && input.requestId !== '' ? input.requestId : null;
    if (!requestId) return write();
    // The change itself, without what may differ on a retry (the clock, the stock figure checked before it).
    const { requestId: _, now: __, available: ___, ...rest } = input as Record<string, unknown>;
    const op = JSON.stringify([kind, rest]);
    const seen = this.ctx.storage.sql
      .exec<{ op: string }>('SELECT op FROM applied_requests WHERE request_id = ?', requestId)
      .toArray()[0];
    if (seen) {
      if (seen.op !== op) {
        return fail('CONFLICT', 'This request id was already used for a different cart change.', {
          requestId,
        });
      }
      if (!this.meta()) return fail('NOT_FOUND', 'Cart not found.', { cartId: input.cartId });
      return ok(this.view());
    }
    const result = write();
    if (result.ok) {
      const now = Date.now();
      this.ctx.storage.sql.exec(
        'DELETE FROM applied_requests WHERE applied_at < ?',
        now - APPLIED_REQUEST_RETENTION_MS,
      );
      this.ctx.storage.sql.exec(
        'INSERT INTO applied_requests (request_id, op, applied_at) VALUES (?, ?, ?)',
        requestId,
        op,
        now,
      );
    }
    return result;
  }

  // Implementations are synchronous: nothing can interleave with them.
  private readCart(input: GetCartInput): Result<CartView> {
    const parsed = parseInput(GetCartInput, input);
    if (!parsed.ok) return parsed;
    const owned = this.checkOwner(parsed.value.cartId, false);
    if (!owned.ok) return owned;
    return ok(this.view());
  }

  private addLine(input: AddItemInput): Result<CartView> {
    const parsed = parseInput(AddItemInput, input);
    if (!parsed.ok) return parsed;
    const { cartId, sku, quantity, available, now = Date.now() } = parsed.value;
    const owned = this.checkOwner(cartId, true);
    if (!owned.ok) return owned;
    return this.applyIntent(cartId, { type: 'add', sku, quantity }, available, now);
  }

  private setLine(input: SetQuantityInput): Result<CartView> {
    const parsed = parseInput(SetQuantityInput, input);
    if (!parsed.ok) return parsed;
    const { cartId, sku, quantity, available, now = Date.now() } = parsed.value;
    const owned = this.checkOwner(cartId, quantity !== 0);
    if (!owned.ok) return owned;
    return this.applyIntent(cartId, { type: 'set', sku, quantity }, available, now);
  }

  /**
   * Applies one add or set with the rule devices also use to show queued writes (domain/cart/cart-intents.ts:
   * per-line and per-cart limits, and the line within `available`), then stores the one line it changed.
   */
  private applyIntent(
    cartId: string,
    intent: CartIntent,
    available: number | undefined,
    now: number,
  ): Result<CartView> {
    const existing = this.line(intent.sku);
    const current = this.lines().map((l) => ({ sku: l.sku, quantity: l.quantity }));
    const next = applyCartIntent(current, intent, available);
    if (!next.ok) return next;
    const line = next.value.find((l) => l.sku === intent.sku);
    this.ctx.storage.transactionSync(() => {
      this.touch(cartId, now);
      if (line) this.upsertLine(intent.sku, line.quantity, existing?.added_at ?? now);
      else this.deleteLine(intent.sku);
    });
    return ok(this.view());
  }

  private removeLine(input: RemoveItemInput): Result<CartView> {
    const parsed = parseInput(RemoveItemInput, input);
    if (!parsed.ok) return parsed;
    const { cartId, sku, now = Date.now() } = parsed.value;
    const owned = this.checkOwner(cartId, false);
    if (!owned.ok) return owned;
    this.ctx.storage.transactionSync(() => {
      this.touch(cartId, now);
      this.deleteLine(sku);
    });
    return ok(this.view());
  }

  private clearLines(input: ClearCartInput): Result<CartView> {
    const parsed = parseInput(ClearCartInput, input);
    if (!parsed.ok) return parsed;
    const { cartId, now = Date.now() } = parsed.value;
    const owned = this.checkOwner(cartId, false);
    if (!owned.ok) return owned;
    this.ctx.storage.transactionSync(() => {
      this.touch(cartId, now);
      this.ctx.storage.sql.exec('DELETE FROM lines');
    });
    return ok(this.view());
  }

  private mergeLines(input: MergeInput): Result<CartView> {
    const parsed = parseInput(MergeInput, input);
    if (!parsed.ok) return parsed;
    const { cartId, lines, now = Date.now() } = parsed.value;
    const owned = this.checkOwner(cartId, true);
    if (!owned.ok) return owned;
    for (const l of lines) {
      if (l.quantity === 0) continue;
      const q = checkLineQuantity(l.quantity);
      if (!q.ok) return fail(q.error.code, q.error.detail, { ...q.error.meta, sku: l.sku });
    }
    const skus = new Set(this.lines().map((l) => l.sku));
    for (const l of lines) {
      if (l.quantity === 0) skus.delete(l.sku);
      else skus.add(l.sku);
    }
    const count = checkCartLineCount(skus.size);
    if (!count.ok) return count;
    this.ctx.storage.transactionSync(() => {
      this.touch(cartId, now);
      for (const l of lines) {
        if (l.quantity === 0) this.deleteLine(l.sku);
        else this.upsertLine(l.sku, l.quantity, this.line(l.sku)?.added_at ?? now);
      }
    });
    return ok(this.view());
  }

  /**
   * The object is addressed by name, but it cannot read its own name, so the first write records
   * the cart id and later calls must present the same one (a routing bug shows up as CONFLICT).
   */
  private checkOwner(cartId: string, creating: boolean): Result<true> {
    const meta = this.meta();
    if (!meta) return creating ? ok(true) : fail('NOT_FOUND', 'Cart not found.', { cartId });
    if (meta.cart_id !== cartId) return fail('CONFLICT', 'This object holds a different cart.', { cartId });
    return ok(true);
  }

  private meta(): MetaRow | undefined {
    return this.ctx.storage.sql
      .exec<MetaRow>('SELECT cart_id, currency, updated_at FROM meta WHERE id = 1')
      .toArray()[0];
  }

  private line(sku: string): LineRow | undefined {
    return this.ctx.storage.sql
      .exec<LineRow>('SELECT sku, quantity, added_at FROM lines WHERE sku = ?', sku)
      .toArray()[0];
  }

  private lines(): LineRow[] {
    return this.ctx.storage.sql
      .exec<LineRow>('SELECT sku, quantity, added_at FROM lines ORDER BY added_at, sku')
      .toArray();
  }

  /** Creates the meta row on first write, else bumps updated_at (never backwards: `now` is caller-supplied). */
  private touch(cartId: string, now: number): void {
    this.ctx.storage.sql.exec(
      `INSERT INTO meta (id, cart_id, currency, created_at, updated_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = MAX(updated_at, excluded.updated_at)`,
      cartId,
      this.env.SHOP_CURRENCY,
      now,
      now,
    );
  }

  private upsertLine(sku: string, quantity: number, addedAt: number): void {
    this.ctx.storage.sql.exec(
      `INSERT INTO lines (sku, quantity, added_at) VALUES (?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET quantity = excluded.quantity`,
      sku,
      quantity,
      addedAt,
    );
  }

  private deleteLine(sku: string): void {
    this.ctx.storage.sql.exec('DELETE FROM lines WHERE sku = ?', sku);
  }

  private view(): CartView {
    const meta = this.meta();
    if (!meta) throw new Error('cart view requested before the cart exists');
    const lines: CartLine[] = this.lines().map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      addedAt: l.added_at,
    }));
    return { cartId: meta.cart_id, currency: meta.currency, lines, updatedAt: meta.updated_at };
  }
}
