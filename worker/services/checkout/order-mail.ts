/** The order confirmation email, sent once by whichever writer created the order. */

import { findOrderByAccessHash } from '@db/repositories/orders';
import { hashSecretToken } from '@domain/identity/secret-token';
import { taxLabel } from '@domain/pricing/tax';
import { createMailer } from '@worker/services/email/mailer';
import { formatAmount } from '@worker/services/email/money-text';
import { orderConfirmationMessage } from '@worker/services/email/templates';
import { shopSettings } from '@worker/services/shop/settings';
import type { CheckoutContext } from './context';

/** The address as lines of text. */
function addressLines(json: string): string[] {
  const a = JSON.parse(json) as Record<string, string | undefined>;
  return [
    a.name,
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.region,
    a.country,
  ].filter((s): s is string => Boolean(s));
}

/** Guests (and customers) follow their order through this link; it carries the secret, not the order number. */
export const orderLink = (origin: string, token: string) => `${origin}/orders/${encodeURIComponent(token)}`;

/**
 * Sends the confirmation; failures are logged (the order stands, and the page shows the same details). True when the
 * message was handed to the mailer (staff resending it are told when it was not).
 */
export async function sendOrderConfirmation(
  ctx: Pick<CheckoutContext, 'env' | 'db' | 'origin'>,
  token: string,
): Promise<boolean> {
  try {
    const found = await findOrderByAccessHash(ctx.db, hashSecretToken(token));
    if (!found) return false;
    const { order, lines } = found;
    const fmt = (amount: number) => formatAmount(amount, order.currency);
    const message = orderConfirmationMessage(
      {
        to: order.email,
        number: order.number,
        lines: lines.map((l) => ({
          name: l.variantLabel ? `${l.productName} (${l.variantLabel})` : l.productName,
          quantity: l.quantity,
          total: fmt(l.lineTotalAmount),
        })),
        totals: [
          { label: 'Subtotal', amount: fmt(order.subtotalAmount) },
          ...(order.discountAmount > 0
            ? [{ label: 'Discount', amount: `−${fmt(order.discountAmount)}` }]
            : []),
          { label: 'Shipping', amount: fmt(order.shippingAmount) },
          { label: taxLabel(order.pricesIncludeTax), amount: fmt(order.taxAmount) },
          { label: 'Total', amount: fmt(order.totalAmount) },
        ],
        shipTo: addressLines(order.shippingAddress),
        link: orderLink(ctx.origin, token),
      },
      shopSettings(ctx.env),
    );
    await createMailer(ctx.env, ctx.db).send(message);
    return true;
  } catch (error) {
    console.error(
      JSON.stringify({ level: 'error', event: 'order-confirmation-failed', error: String(error) }),
    );
    return false;
  }
}
