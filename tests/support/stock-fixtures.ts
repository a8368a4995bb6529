/** Test helpers for the Durable Object tests: seed inventory rows in the workerd test D1. */
import { env } from 'cloudflare:workers';

let counter = 0;

/** A SKU no other test uses, so each test gets a fresh StockDO. */
export function uniqueSku(prefix = 'TEST'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Inserts (or replaces) the inventory_levels row the StockDO loads on first use. */
export async function seedInventory(sku: string, onHand: number, lowStockThreshold = 5): Promise<void> {
  // Harmless once the real migration has created the table; lets these tests run before it exists.
  await env.DB.prepare(
    'CREATE TABLE IF NOT EXISTS inventory_levels (sku TEXT PRIMARY KEY, on_hand INTEGER NOT NULL, low_stock_threshold INTEGER NOT NULL DEFAULT 5, updated_at INTEGER NOT NULL DEFAULT 0)',
  ).run();
  await env.DB.prepare(
    'INSERT OR REPLACE INTO inventory_levels (sku, on_hand, low_stock_threshold, updated_at) VALUES (?, ?, ?, ?)',
  )
    .bind(sku, onHand, lowStockThreshold, Date.now())
    .run();
}
