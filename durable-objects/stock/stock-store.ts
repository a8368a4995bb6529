/** The StockDO's SQLite tables and the typed, synchronous queries over them. */
import type { LedgerEntry } from '@db/repositories/stock-ledger';
import type { StockLevel } from '@domain/inventory/stock';
import type { AdjustReason, ReservationStatus } from './stock-schemas';

/** The reservations table; `name` lets migrate() rebuild it under a temporary name. */
const reservationsTable = (name: string) => `
  CREATE TABLE IF NOT EXISTS ${name} (
    request_id TEXT PRIMARY KEY,
    reservation_id TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    status TEXT NOT NULL CHECK (status IN ('held', 'released', 'committed', 'expired')),
    available_after INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );`;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS stock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sku TEXT NOT NULL,
    on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
    reserved INTEGER NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
    low_stock_threshold INTEGER NOT NULL,
    loaded_at INTEGER NOT NULL,
    next_seq INTEGER NOT NULL DEFAULT 1,
    low_alerted INTEGER NOT NULL DEFAULT 0
  );
  ${reservationsTable('reservations')}
  CREATE TABLE IF NOT EXISTS adjustments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT UNIQUE,
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    on_hand_after INTEGER NOT NULL,
    reserved_after INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS ledger_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry TEXT NOT NULL
  );
`;

/** Columns added to `stock` after objects already existed: added in place when missing. */
const STOCK_COLUMNS_ADDED = {
  next_seq: 'ALTER TABLE stock ADD COLUMN next_seq INTEGER NOT NULL DEFAULT 1',
  low_alerted: 'ALTER TABLE stock ADD COLUMN low_alerted INTEGER NOT NULL DEFAULT 0',
};

const INDEXES = `
  CREATE INDEX IF NOT EXISTS reservations_held_expiry ON reservations (expires_at) WHERE status = 'held';
  CREATE INDEX IF NOT EXISTS reservations_settled_at ON reservations (updated_at) WHERE status <> 'held';
  CREATE INDEX IF NOT EXISTS adjustments_created_at ON adjustments (created_at);
`;

/**
 * Objects created before the 'expired' status existed have a CHECK that refuses it; SQLite cannot alter a
 * CHECK, so the table is copied into one with the current definition (rows and statuses unchanged).
 */
const UPGRADE_RESERVATIONS = `
  ${reservationsTable('reservations_upgrade')}
  INSERT INTO reservations_upgrade
    SELECT request_id, reservation_id, quantity, status, available_after, expires_at, created_at, updated_at
    FROM reservations;
  DROP TABLE reservations;
  ALTER TABLE reservations_upgrade RENAME TO reservations;
`;

/** The single row of the `stock` table: which SKU this object holds and its counts. */
export type StockRow = {
  sku: string;
  on_hand: number;
  reserved: number;
  low_stock_threshold: number;
  /** 1 while available is at or below the threshold and an alert was raised for it. */
  low_alerted: number;
};

/** One row of `reservations`. */
export type ReservationRow = {
  request_id: string;
  reservation_id: string;
  quantity: number;
  status: ReservationStatus;
  available_after: number;
  expires_at: number;
};

/** One row of `adjustments` (the object's own journal; the D1 ledger is written by callers). */
export type AdjustmentRow = {
  delta: number;
  reason: AdjustReason;
  on_hand_after: number;
  reserved_after: number;
};

/** Synchronous access to the StockDO's tables: no method awaits, so callers can keep critical sections whole. */
export class StockStore {
  constructor(private readonly sql: SqlStorage) {}

  /**
   * Creates the tables, or brings older ones up to date (idempotent); run in the constructor under
   * blockConcurrencyWhile, in one synchronous step, so the writes commit together.
   */
  migrate(): void {
    this.sql.exec(SCHEMA);
    const table = this.sql
      .exec<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reservations'`)
      .one();
    if (!table.sql.includes("'expired'")) this.sql.exec(UPGRADE_RESERVATIONS);
    const columns = new Set(
      this.sql
        .exec<{ name: string }>('SELECT name FROM pragma_table_info(?)', 'stock')
        .toArray()
        .map((c) => c.name),
    );
    for (const [column, ddl] of Object.entries(STOCK_COLUMNS_ADDED))
      if (!columns.has(column)) this.sql.exec(ddl);
    this.sql.exec(INDEXES);
  }

  /** The stock row, or undefined until the level has been loaded from D1. */
  stock(): StockRow | undefined {
    return this.sql
      .exec<StockRow>(
        'SELECT sku, on_hand, reserved, low_stock_threshold, low_alerted FROM stock WHERE id = 1',
      )
      .toArray()[0];
  }

  /** Records the SKU and its on-hand count as first loaded from D1; ledger sequence numbers continue at `nextSeq`. */
  initialise(sku: string, onHand: number, lowStockThreshold: number, nextSeq: number, now: number): void {
    this.sql.exec(
      `INSERT OR IGNORE INTO stock (id, sku, on_hand, reserved, low_stock_threshold, loaded_at, next_seq)
       VALUES (1, ?, ?, 0, ?, ?, ?)`,
      sku,
      onHand,
      lowStockThreshold,
      now,
      nextSeq,
    );
  }

  /** Takes the next ledger sequence number. */
  takeSeq(): number {
    return this.sql
      .exec<{ seq: number }>(
        'UPDATE stock SET next_seq = next_seq + 1 WHERE id = 1 RETURNING next_seq - 1 AS seq',
      )
      .one().seq;
  }

  setLowAlerted(alerted: boolean): void {
    this.sql.exec('UPDATE stock SET low_alerted = ? WHERE id = 1', alerted ? 1 : 0);
  }

  /** Queues an entry for the database; it stays until `dropEntries` confirms it was written. */
  queueEntry(entry: LedgerEntry): void {
    this.sql.exec('INSERT INTO ledger_outbox (entry) VALUES (?)', JSON.stringify(entry));
  }

  /** The oldest queued entries, in order. */
  queuedEntries(limit: number): { id: number; entry: LedgerEntry }[] {
    return this.sql
      .exec<{ id: number; entry: string }>('SELECT id, entry FROM ledger_outbox ORDER BY id LIMIT ?', limit)
      .toArray()
      .map((r) => ({ id: r.id, entry: JSON.parse(r.entry) as LedgerEntry }));
  }

  /** Forgets entries up to and including `id` (they are in the database). */
  dropEntries(upTo: number): void {
    this.sql.exec('DELETE FROM ledger_outbox WHERE id <= ?', upTo);
  }

  hasQueuedEntries(): boolean {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM ledger_outbox').one().n > 0;
  }

  /** Stores new counts (already checked by the domain rules; the CHECKs are a last line of defence). */
  setLevel(level: StockLevel): void {
    this.sql.exec('UPDATE stock SET on_hand = ?, reserved = ? WHERE id = 1', level.onHand, level.reserved);
  }

  reservation(requestId: string): ReservationRow | undefined {
    return this.sql
      .exec<ReservationRow>(
        'SELECT request_id, reservation_id, quantity, status, available_after, expires_at FROM reservations WHERE request_id = ?',
        requestId,
      )
      .toArray()[0];
  }

  insertReservation(row: ReservationRow, now: number): void {
    this.sql.exec(
      `INSERT INTO reservations (request_id, reservation_id, quantity, status, available_after, expires_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      row.request_id,
      row.reservation_id,
      row.quantity,
      row.status,
      row.available_after,
      row.expires_at,
      now,
      now,
    );
  }

  setReservationStatus(requestId: string, status: ReservationStatus, now: number): void {
    this.sql.exec(
      'UPDATE reservations SET status = ?, updated_at = ? WHERE request_id = ?',
      status,
      now,
      requestId,
    );
  }

  /** Held reservations whose expiry is at or before `now`. */
  expiredHolds(now: number): ReservationRow[] {
    return this.sql
      .exec<ReservationRow>(
        `SELECT request_id, reservation_id, quantity, status, available_after, expires_at
         FROM reservations WHERE status = 'held' AND expires_at <= ? ORDER BY expires_at`,
        now,
      )
      .toArray();
  }

  /** The earliest expiry among held reservations, or null when nothing is held. */
  nextExpiry(): number | null {
    const row = this.sql
      .exec<{ at: number | null }>(`SELECT MIN(expires_at) AS at FROM reservations WHERE status = 'held'`)
      .one();
    return row.at;
  }

  /**
   * Deletes settled reservations (released, committed, expired) last changed before `before`, and
   * adjustments made before it. Held reservations are never deleted.
   */
  pruneSettled(before: number): void {
    this.sql.exec(`DELETE FROM reservations WHERE status <> 'held' AND updated_at < ?`, before);
    this.sql.exec('DELETE FROM adjustments WHERE created_at < ?', before);
  }

  /** When the oldest settled row was written (settled reservation or adjustment), or null if none. */
  oldestSettled(): number | null {
    const row = this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(at) AS at FROM (
           SELECT MIN(updated_at) AS at FROM reservations WHERE status <> 'held'
           UNION ALL SELECT MIN(created_at) AS at FROM adjustments
         )`,
      )
      .one();
    return row.at;
  }

  adjustment(requestId: string): AdjustmentRow | undefined {
    return this.sql
      .exec<AdjustmentRow>(
        'SELECT delta, reason, on_hand_after, reserved_after FROM adjustments WHERE request_id = ?',
        requestId,
      )
      .toArray()[0];
  }

  insertAdjustment(requestId: string | null, row: AdjustmentRow, now: number): void {
    this.sql.exec(
      `INSERT INTO adjustments (request_id, delta, reason, on_hand_after, reserved_after, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      requestId,
      row.delta,
      row.reason,
      row.on_hand_after,
      row.reserved_after,
      now,
    );
  }
}
