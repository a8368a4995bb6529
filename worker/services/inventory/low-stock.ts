/**
 * Low-stock emails. The SKU's StockDO decides when (once per crossing of the threshold: `lowStockAlert` on the hold
 * or adjustment that crossed it) and records the alert; this tells every enabled administrator, after the response.
 */
import type { Db } from '@db/client';
import { getInventoryLevel } from '@db/repositories/inventory';
import { enabledEmailsWithRole } from '@db/repositories/staff';
import { listOpenStockAlerts, markStockAlertNotified } from '@db/repositories/stock-ledger';
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';
import { createMailer } from '@worker/services/email/mailer';
import { lowStockMessage } from '@worker/services/email/templates';
import { shopSettings } from '@worker/services/shop/settings';

/** Emails the administrators about `sku` (available units now `available`). Failures are logged, never thrown. */
export async function notifyLowStock(
  env: Env,
  db: Db,
  origin: string,
  sku: string,
  available: number,
): Promise<void> {
  try {
    await stockStub(env, sku).syncLedger(); // the alert row is written with the object's ledger
    const [admins, level, alerts] = await Promise.all([
      enabledEmailsWithRole(db, 'admin'),
      getInventoryLevel(db, sku),
      listOpenStockAlerts(db, 200),
    ]);
    const alert = alerts.find((a) => a.sku === sku);
    const link = alert?.productId ? `${origin}/admin/products/${alert.productId}` : `${origin}/admin`;
    const mailer = createMailer(env, db);
    for (const to of admins) {
      await mailer.send(
        lowStockMessage(
          {
            to,
            sku,
            productName: alert?.productName ?? null,
            available,
            threshold: level?.lowStockThreshold ?? alert?.threshold ?? 0,
            link,
          },
          shopSettings(env),
        ),
      );
    }
    await markStockAlertNotified(db, sku, Date.now());
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', event: 'low-stock-email-failed', sku, error: String(error) }),
    );
  }
}
