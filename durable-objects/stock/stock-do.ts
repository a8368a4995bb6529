/** StockDO: one Durable Object per SKU that serialises reservations so stock is never oversold. */
import { DurableObject } from 'cloudflare:workers';
import { createDb, type DbEnv } from '@db/client';
import { getInventoryLevel } from '@db/repositories/inventory';
import { ledgerTotals, writeLedger } from '@db/repositories/stock-ledger';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import type { StockMovementReason } from '@domain/inventory/movements';
import {
  adjustOnHand,
  available,
  commitStock,
  isLowStock,
  releaseStock,
  reserveStock,
  type StockLevel,
} from '@domain/inventory/stock';
import { parseInput } from '@durable-objects/rpc/parse-input';
import { type RpcResult, toRpc } from '@durable-objects/rpc/rpc-result';
import {
  AdjustInput,
  DEFAULT_HOLD_MS,
  GetLevelInput,
  LIVE_PING,
  LIVE_PONG,
  type LiveStockMessage,
  MAX_STOCK_QUANTITY,
  ReservationRefInput,
  type ReservationResult,
  ReserveInput,
  type ReserveResult,
  RestockInput,
  SETTLED_RETENTION_MS,
  type StockSnapshot,
} from './stock-schemas';
import { type ReservationRow, type StockRow, StockStore } from './stock-store';

/** Ledger entries written to the database per batch. */
const LEDGER_BATCH = 100;

/** When the database could not take the ledger, the alarm tries again after this long. */
const LEDGER_RETRY_MS = 30_000;

/**
 * Ledger writes after the answer start at most this often: a quiet SKU's entry goes at once, a busy SKU's wait up to
 * this long and go together, one database write for many calls (docs/benchmarks.md: a write per hold was more than
 * half of a hold's CPU). The entries are durable in the object meanwhile, and the alarm writes any still queued.
 */
const LEDGER_COALESCE_MS = 50;

/** One change of level as the ledger records it (the object adds the sequence number and the counts after it). */
type MovementDraft = {
  reason: StockMovementReason;
  delta: number;
  reservedDelta: number;
  reference?: string | null;
  staffId?: string | null;
  note?: string | null;
  id?: string | undefined;
};

function levelOf(row: StockRow): StockLevel {
  return { onHand: row.on_hand, reserved: row.reserved };
}

function checkQuantity(quantity: number): Result<number> {
  if (Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= MAX_STOCK_QUANTITY) return ok(quantity);
  return fail('QUANTITY_OUT_OF_RANGE', `Quantity must be a whole number from 1 to ${MAX_STOCK_QUANTITY}.`, {
    min: 1,
    max: MAX_STOCK_QUANTITY,
    received: quantity,
  });
}

/**
 * Stock of one SKU. On first use it loads on-hand from the database (inventory_levels); from then on this
 * object is the authority for on-hand and reserved, and callers mirror changes to the database from the
 * levels it returns. After the (one-off) load, every method checks and writes synchronously, so
 * concurrent calls cannot interleave inside a critical section.
 *
 * Time is the object's own: Date.now() here stamps holds and decides expiry; a caller's `now` is ignored.
 * A hold past its `expiresAt` is expired by the alarm or, if that has not run yet, by the next call
 * (before it decides anything), so no call ever sees a lapsed hold as held. Settled reservations and
 * adjustments are pruned by the alarm after SETTLED_RETENTION_MS (the replay window).
 *
 * The ledger: every change of level is queued, in the same storage transaction as the change, as a movement for the
 * database's stock ledger (with a per-SKU sequence number), together with low-stock alerts (once per crossing of the
 * threshold by available units). The queue is written to the database after each call (before the answer for
 * manual adjustments; `syncLedger` waits for it; under load, calls within LEDGER_COALESCE_MS share one write); when
 * the database cannot take it, the entries stay queued and the alarm retries, so the ledger is complete and never
 * doubled (`writeLedger` skips ids it has). The database's on-hand column is kept from the same entries.
 */
export class StockDO extends DurableObject<DbEnv> {
  private readonly store: StockStore;
  /** The alarm time last set by this instance; undefined when unknown (fresh instance). */
  private alarmAt: number | null | undefined;
  /** When to retry writing the ledger after the database refused it; null when nothing waits. */
  private ledgerRetryAt: number | null = null;
  private flushRunning: Promise<void> | null = null;
  /** Set by `apply` when it raises a low-stock alert; read and cleared within the same synchronous critical section. */
  private alertRaised = false;
  private flushQueued: Promise<void> | null = null;
  /** When the last ledger write after an answer started, and the timer of the next one if it waits. */
  private lastFlushAt = 0;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(ctx: DurableObjectState, env: DbEnv) {
    super(ctx, env);
    this.store = new StockStore(ctx.storage.sql);
    // Keep-alive pings are answered by the runtime without waking the object (hibernation).
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
    ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
    });
  }

  /**
   * Live availability: a WebSocket upgrade (`?sku=`) is accepted through the hibernation API, so an open socket costs
   * nothing while the level does not change (no timers, the object may be evicted); the current level is sent at
   * once, then every change (`broadcast`). 426 without an Upgrade header, 404 for a SKU without stock records.
   */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const sku = new URL(request.url).searchParams.get('sku') ?? '';
    const level = await this.watched(() => this.readLevel({ sku }));
    if (!level.ok)
      return new Response(level.error.detail, { status: level.error.code === 'NOT_FOUND' ? 404 : 400 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.send(liveMessage(level.value));
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Any message (a client resyncing after sleep) is answered with the current level. */
  override async webSocketMessage(ws: WebSocket): Promise<void> {
    const row = this.store.stock();
    if (row) ws.send(liveMessage(this.snapshot(row)));
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Complete the closing handshake; 1005/1006 are reserved and may not be sent back.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    try {
      ws.close(1011, 'error');
    } catch {
      // already closed
    }
  }

  /**
   * Runs a call and, when it changed what is available (a reserve, release, commit, adjustment, restock, or a hold it
   * expired on the way), tells every watching socket. Sends are fire-and-forget: a slow watcher never holds a sale up.
   * The ledger is written after the answer (a sale does not wait for the database) unless `ledger` is 'before'.
   */
  private async watched<T>(call: () => Promise<T>, ledger: 'before' | 'after' = 'after'): Promise<T> {
    const before = this.availableNow();
    try {
      return await call();
    } finally {
      this.broadcastIfChanged(before);
      if (ledger === 'before') await this.flushLedger();
      else this.flushSoon();
    }
  }

  /**
   * Writes every ledger entry queued so far to the database and resolves when that is done (or has failed and been
   * left for the alarm). Reconciliation calls it before comparing the ledger with this object.
   */
  async syncLedger(): Promise<void> {
    await this.flushLedger();
  }

  /** Writes the ledger after an answer: now if none started in the last LEDGER_COALESCE_MS, else once that has passed. */
  private flushSoon(): void {
    if (this.flushTimer !== null) return;
    const start = () => {
      this.flushTimer = null;
      this.lastFlushAt = Date.now();
      void this.flushLedger();
    };
    const wait = this.lastFlushAt + LEDGER_COALESCE_MS - Date.now();
    if (wait <= 0) start();
    else this.flushTimer = setTimeout(start, wait);
  }

  /**
   * Writes every queued ledger entry to the database. Calls arriving while a write is under way share the next one,
   * so under load entries go in batches. Never throws: on failure the entries stay queued for the alarm.
   */
  private flushLedger(): Promise<void> {
    if (!this.flushRunning) {
      this.flushRunning = this.drainLedger().finally(() => {
        this.flushRunning = null;
      });
      return this.flushRunning;
    }
    this.flushQueued ??= this.flushRunning.then(() => {
      this.flushQueued = null;
      return this.flushLedger();
    });
    return this.flushQueued;
  }

  private async drainLedger(): Promise<void> {
    try {
      for (;;) {
        const batch = this.store.queuedEntries(LEDGER_BATCH);
        const last = batch.at(-1);
        if (!last) break;
        await writeLedger(
          createDb(this.env),
          this.current().sku,
          batch.map((b) => b.entry),
        );
        this.store.dropEntries(last.id);
      }
      this.ledgerRetryAt = null;
    } catch (error) {
      console.error('stock ledger: database write failed, the alarm will retry', error);
      this.ledgerRetryAt = Date.now() + LEDGER_RETRY_MS;
      await this.armAlarm();
    }
  }

  /**
   * Inside a storage transaction: stores the new level and queues its ledger movement, and raises (or resolves) the
   * low-stock alert when available units cross the SKU's threshold.
   */
  private apply(next: StockLevel, change: MovementDraft, now: number): void {
    const row = this.current();
    this.store.setLevel(next);
    this.store.queueEntry({
      type: 'movement',
      movement: {
        id: change.id ?? newId('stockMovement', now),
        sku: row.sku,
        seq: this.store.takeSeq(),
        delta: change.delta,
        reservedDelta: change.reservedDelta,
        onHandAfter: next.onHand,
        reservedAfter: next.reserved,
        reason: change.reason,
        reference: change.reference ?? null,
        staffId: change.staffId ?? null,
        note: change.note ?? null,
        createdAt: now,
      },
    });
    const low = isLowStock(next, row.low_stock_threshold);
    if (low && !row.low_alerted) {
      this.alertRaised = true;
      this.store.setLowAlerted(true);
      this.store.queueEntry({
        type: 'alert',
        id: newId('event', now),
        sku: row.sku,
        available: available(next),
        threshold: row.low_stock_threshold,
        at: now,
      });
    } else if (!low && row.low_alerted) {
      this.store.setLowAlerted(false);
      this.store.queueEntry({ type: 'alert_resolved', sku: row.sku, at: now });
    }
  }

  private availableNow(): number | null {
    const row = this.store.stock();
    return row ? available(levelOf(row)) : null;
  }

  private broadcastIfChanged(before: number | null): void {
    const row = this.store.stock();
    if (!row || available(levelOf(row)) === before) return;
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return;
    const message = liveMessage(this.snapshot(row));
    for (const ws of sockets) {
      try {
        ws.send(message);
      } catch {
        // a socket closing right now; its close handler cleans up
      }
    }
  }

  /** Current counts. NOT_FOUND when the SKU has no inventory_levels row. */
  async getLevel(input: GetLevelInput): Promise<RpcResult<StockSnapshot>> {
    return toRpc(await this.watched(() => this.readLevel(input)));
  }

  /**
   * Holds `quantity` units under `requestId` until the object's clock + `holdMs`. Idempotent: replaying a
   * requestId never holds twice; it answers the hold's real state: `ok` with the first result while it is
   * held or once committed, INVALID_TRANSITION (meta `{ status }`) once released or expired. The same
   * requestId with another quantity is a CONFLICT. INSUFFICIENT_STOCK (meta `{ available }`) when too few
   * are free.
   */
  async reserve(input: ReserveInput): Promise<RpcResult<ReserveResult>> {
    return toRpc(await this.watched(() => this.reserveUnits(input)));
  }

  /**
   * Changes on-hand by `delta` (never below what is reserved: INSUFFICIENT_STOCK). With a
   * `requestId`, a replay returns the first result; the same id with another delta/reason is a CONFLICT.
   */
  async adjust(input: AdjustInput): Promise<RpcResult<StockSnapshot>> {
    // Staff look at the ledger right after a manual change: it is written before the answer.
    return toRpc(await this.watched(() => this.adjustUnits(input), 'before'));
  }

  /** Adds `quantity` received units: `adjust` with reason `restock`. */
  async restock(input: RestockInput): Promise<RpcResult<StockSnapshot>> {
    return toRpc(await this.watched(() => this.restockUnits(input), 'before'));
  }

  /**
   * Gives a held reservation back. Idempotent (releasing a released hold succeeds, and so does releasing an
   * expired one, answered with status `expired`: its units are already back); NOT_FOUND for an unknown
   * requestId; INVALID_TRANSITION once committed (sold stock comes back via `adjust`).
   */
  async release(input: ReservationRefInput): Promise<RpcResult<ReservationResult>> {
    return toRpc(await this.watched(() => this.settle(input, 'released')));
  }

  /**
   * Turns a held reservation into a sale: on-hand and reserved both drop by its quantity.
   * Idempotent; NOT_FOUND for an unknown requestId; INVALID_TRANSITION once released or expired.
   */
  async commit(input: ReservationRefInput): Promise<RpcResult<ReservationResult>> {
    return toRpc(await this.watched(() => this.settle(input, 'committed')));
  }

  // Implementations: each validates, loads once, then decides and writes without awaiting.
  private async readLevel(input: GetLevelInput): Promise<Result<StockSnapshot>> {
    const parsed = parseInput(GetLevelInput, input);
    if (!parsed.ok) return parsed;
    const loaded = await this.load(parsed.value.sku);
    if (!loaded.ok) return loaded;
    this.expireDue(Date.now());
    await this.armAlarm();
    return ok(this.snapshot(this.current()));
  }

  private async reserveUnits(input: ReserveInput): Promise<Result<ReserveResult>> {
    const parsed = parseInput(ReserveInput, input);
    if (!parsed.ok) return parsed;
    const { sku, requestId, quantity, holdMs = DEFAULT_HOLD_MS } = parsed.value;
    const qty = checkQuantity(quantity);
    if (!qty.ok) return qty;
    const loaded = await this.load(sku);
    if (!loaded.ok) return loaded;
    this.alertRaised = false;
    const result = this.reserveNow(requestId, quantity, holdMs);
    const lowStockAlert = this.alertRaised; // read before any await: this call's own crossing
    await this.armAlarm();
    return result.ok && lowStockAlert ? ok({ ...result.value, lowStockAlert }) : result;
  }

  /** The critical section of `reserve`: expires what is due, then decides and writes without awaiting. */
  private reserveNow(requestId: string, quantity: number, holdMs: number): Result<ReserveResult> {
    const now = Date.now();
    this.expireDue(now);
    const existing = this.store.reservation(requestId);
    if (existing) {
      if (existing.quantity !== quantity) {
        return fail('CONFLICT', 'This request id already reserved a different quantity.', {
          requestId,
          quantity: existing.quantity,
        });
      }
      if (existing.status === 'held' || existing.status === 'committed') return ok(reserveResultOf(existing));
      return fail('INVALID_TRANSITION', `This reservation is already ${existing.status}.`, {
        requestId,
        status: existing.status,
        reservationId: existing.reservation_id,
        expiresAt: existing.expires_at,
      });
    }
    const next = reserveStock(levelOf(this.current()), quantity);
    if (!next.ok) return next;
    const row: ReservationRow = {
      request_id: requestId,
      reservation_id: newId('stockMovement', now),
      quantity,
      status: 'held',
      available_after: available(next.value),
      expires_at: now + holdMs,
    };
    this.ctx.storage.transactionSync(() => {
      this.apply(
        next.value,
        { reason: 'hold', delta: 0, reservedDelta: quantity, reference: requestId },
        now,
      );
      this.store.insertReservation(row, now);
    });
    return ok(reserveResultOf(row));
  }

  private async adjustUnits(input: AdjustInput): Promise<Result<StockSnapshot>> {
    const parsed = parseInput(AdjustInput, input);
    if (!parsed.ok) return parsed;
    const result = await this.adjustNow(parsed.value);
    await this.armAlarm(); // an expired hold, or the first adjustment to prune, moves the alarm
    return result;
  }

  private async adjustNow(input: AdjustInput): Promise<Result<StockSnapshot>> {
    const { sku, delta, reason, requestId, staffId, note, reference, movementId } = input;
    if (!Number.isSafeInteger(delta) || delta === 0 || Math.abs(delta) > MAX_STOCK_QUANTITY) {
      return fail(
        'QUANTITY_OUT_OF_RANGE',
        `Adjustment must be a non-zero whole number up to ±${MAX_STOCK_QUANTITY}.`,
        {
          received: delta,
        },
      );
    }
    const loaded = await this.load(sku);
    if (!loaded.ok) return loaded;
    const now = Date.now();
    this.expireDue(now);
    const row = this.current();
    if (requestId !== undefined) {
      const previous = this.store.adjustment(requestId);
      if (previous) {
        if (previous.delta !== delta || previous.reason !== reason) {
          return fail('CONFLICT', 'This request id already made a different adjustment.', { requestId });
        }
        const level = { onHand: previous.on_hand_after, reserved: previous.reserved_after };
        return ok(this.snapshot({ ...row, on_hand: level.onHand, reserved: level.reserved }));
      }
    }
    const next = adjustOnHand(levelOf(row), delta);
    if (!next.ok) return next;
    this.alertRaised = false;
    this.ctx.storage.transactionSync(() => {
      this.apply(
        next.value,
        { reason, delta, reservedDelta: 0, staffId, note, reference, id: movementId },
        now,
      );
      this.store.insertAdjustment(
        requestId ?? null,
        { delta, reason, on_hand_after: next.value.onHand, reserved_after: next.value.reserved },
        now,
      );
    });
    const snapshot = this.snapshot({ ...row, on_hand: next.value.onHand, reserved: next.value.reserved });
    return ok(this.alertRaised ? { ...snapshot, lowStockAlert: true } : snapshot);
  }

  private async restockUnits(input: RestockInput): Promise<Result<StockSnapshot>> {
    const parsed = parseInput(RestockInput, input);
    if (!parsed.ok) return parsed;
    const { quantity, ...rest } = parsed.value;
    const qty = checkQuantity(quantity);
    if (!qty.ok) return qty;
    return this.adjustUnits({ ...rest, delta: quantity, reason: 'restock' });
  }

  /**
   * Expires every hold that is due, prunes settled rows older than SETTLED_RETENTION_MS, then re-arms for
   * whichever comes next.
   */
  override async alarm(): Promise<void> {
    this.alarmAt = null; // a fired alarm is no longer set
    const now = Date.now();
    const before = this.availableNow();
    this.expireDue(now);
    this.broadcastIfChanged(before);
    this.store.pruneSettled(now - SETTLED_RETENTION_MS);
    this.ledgerRetryAt = null;
    await this.flushLedger(); // sets a new retry time if the database still refuses
    await this.armAlarm();
  }

  /**
   * Marks every held reservation whose `expiresAt` is at or before `now` as expired and gives its units back,
   * in one transaction. Synchronous, so callers run it inside their critical section. True if any expired.
   */
  private expireDue(now: number): boolean {
    const row = this.store.stock();
    if (!row) return false;
    const due = this.store.expiredHolds(now);
    if (due.length === 0) return false;
    this.ctx.storage.transactionSync(() => {
      let level = levelOf(row);
      for (const hold of due) {
        const next = releaseStock(level, hold.quantity);
        // Held units are always counted in reserved; a failure here is corrupt state, not input.
        if (!next.ok) throw new Error(`cannot release expired hold ${hold.request_id}: ${next.error.detail}`);
        level = next.value;
        const expiry: MovementDraft = {
          reason: 'expiry',
          delta: 0,
          reservedDelta: -hold.quantity,
          reference: hold.request_id,
        };
        this.apply(level, expiry, now);
        this.store.setReservationStatus(hold.request_id, 'expired', now);
      }
    });
    return true;
  }

  private async settle(
    input: ReservationRefInput,
    target: 'released' | 'committed',
  ): Promise<Result<ReservationResult>> {
    const parsed = parseInput(ReservationRefInput, input);
    if (!parsed.ok) return parsed;
    const { sku, requestId } = parsed.value;
    const loaded = await this.load(sku);
    if (!loaded.ok) return loaded;
    const result = this.settleNow(requestId, target);
    await this.armAlarm();
    return result;
  }

  /** The critical section of `release`/`commit`: expires what is due, then decides and writes. */
  private settleNow(requestId: string, target: 'released' | 'committed'): Result<ReservationResult> {
    const now = Date.now();
    this.expireDue(now);
    const hold = this.store.reservation(requestId);
    if (!hold) return fail('NOT_FOUND', 'No reservation with this request id.', { requestId });
    const row = this.current();
    if (hold.status === target) return ok(this.reservationResult(hold, target, row));
    // Releasing a lapsed hold asks for what already happened: its units are back.
    if (target === 'released' && hold.status === 'expired') {
      return ok(this.reservationResult(hold, 'expired', row));
    }
    if (hold.status !== 'held') {
      return fail('INVALID_TRANSITION', `Reservation is already ${hold.status}.`, {
        requestId,
        status: hold.status,
      });
    }
    const level = levelOf(row);
    const next =
      target === 'released' ? releaseStock(level, hold.quantity) : commitStock(level, hold.quantity);
    if (!next.ok) return next;
    const movement: MovementDraft =
      target === 'released'
        ? { reason: 'release', delta: 0, reservedDelta: -hold.quantity, reference: requestId }
        : { reason: 'sale', delta: -hold.quantity, reservedDelta: -hold.quantity, reference: requestId };
    this.ctx.storage.transactionSync(() => {
      this.apply(next.value, movement, now);
      this.store.setReservationStatus(requestId, target, now);
    });
    const after = { ...row, on_hand: next.value.onHand, reserved: next.value.reserved };
    return ok(this.reservationResult(hold, target, after));
  }

  /**
   * The stock row for `sku`, loading it from the database (D1, or Turso when configured) the first time. That
   * read is external I/O, so it runs under blockConcurrencyWhile: no other call is delivered meanwhile, so
   * concurrent first calls load once and none sees a half-initialised object. A missing row is not cached, so a
   * SKU created later starts working without a restart.
   */
  private async load(sku: string): Promise<Result<true>> {
    let row = this.store.stock();
    if (!row) {
      await this.ctx.blockConcurrencyWhile(async () => {
        if (this.store.stock()) return;
        const db = createDb(this.env);
        const [found, ledger] = await Promise.all([getInventoryLevel(db, sku), ledgerTotals(db, sku)]);
        if (!found) return;
        const now = Date.now();
        this.ctx.storage.transactionSync(() => {
          this.store.initialise(sku, found.onHand, found.lowStockThreshold, ledger.lastSeq + 1, now);
          // The opening movement makes the ledger sum to what this object now holds: the whole count for a SKU
          // never used before; for an object whose storage was lost, the difference, and any holds it forgot.
          if (found.onHand !== ledger.onHand || ledger.reserved !== 0) {
            const opening: MovementDraft = {
              reason: 'opening',
              delta: found.onHand - ledger.onHand,
              reservedDelta: -ledger.reserved,
            };
            this.apply({ onHand: found.onHand, reserved: 0 }, opening, now);
          }
        });
      });
      row = this.store.stock();
      if (!row) return fail('NOT_FOUND', 'Unknown SKU.', { sku });
    }
    if (row.sku !== sku) return fail('CONFLICT', 'This stock object holds a different SKU.', { sku });
    return ok(true);
  }

  /**
   * The stock row as it is now. Critical sections read it after their last await (never a copy
   * taken before one), so no other call can have changed it in between.
   */
  private current(): StockRow {
    const row = this.store.stock();
    if (!row) throw new Error('stock row read before it was loaded');
    return row;
  }

  /**
   * Points the alarm at the earliest held expiry or the time the oldest settled row is due for pruning,
   * whichever is first (or clears it when neither exists), skipping the write when unchanged.
   */
  private async armAlarm(): Promise<void> {
    const expiry = this.store.nextExpiry();
    const oldest = this.store.oldestSettled();
    const prune = oldest === null ? null : oldest + SETTLED_RETENTION_MS;
    const times = [expiry, prune, this.ledgerRetryAt].filter((t): t is number => t !== null);
    const next = times.length === 0 ? null : Math.min(...times);
    if (next === this.alarmAt) return;
    this.alarmAt = next;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }

  private snapshot(row: StockRow): StockSnapshot {
    const level = levelOf(row);
    return {
      sku: row.sku,
      onHand: level.onHand,
      reserved: level.reserved,
      available: available(level),
      lowStock: isLowStock(level, row.low_stock_threshold),
    };
  }

  private reservationResult(
    hold: ReservationRow,
    status: ReservationResult['status'],
    row: StockRow,
  ): ReservationResult {
    return {
      reservationId: hold.reservation_id,
      requestId: hold.request_id,
      quantity: hold.quantity,
      status,
      level: this.snapshot(row),
    };
  }
}

/** What a live-availability socket receives: the SKU and its units available now. */
function liveMessage(snapshot: StockSnapshot): string {
  return JSON.stringify({ sku: snapshot.sku, available: snapshot.available } satisfies LiveStockMessage);
}

function reserveResultOf(row: ReservationRow): ReserveResult {
  return {
    reservationId: row.reservation_id,
    available: row.available_after,
    expiresAt: row.expires_at,
    status: row.status,
  };
}
