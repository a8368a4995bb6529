/** The checkout's order summary: the lines as they will be charged, every total (shipping and tax included), then its children (the discount codes). */

import { component$, Slot } from '@builder.io/qwik';
import { taxLabel } from '@domain/pricing/tax';
import type { CheckoutView } from '@worker/services/checkout/checkout';
import { formatMoney } from '~/lib/format';

export const CheckoutSummary = component$<{ checkout: CheckoutView }>(({ checkout }) => {
  const { lines, totals } = checkout;
  const currency = totals.total.currency;
  return (
    <aside class="cart-summary checkout-summary" aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title">Order summary</h2>
      <ul class="checkout-summary-lines">
        {lines.map((l) => (
          <li key={l.sku}>
            <span>
              {l.quantity} × {l.productName}
              {l.variantLabel && <span class="checkout-variant"> · {l.variantLabel}</span>}
            </span>
            <span>{formatMoney({ amount: l.lineTotalAmount, currency })}</span>
          </li>
        ))}
      </ul>
      <dl class="summary-list">
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(totals.subtotal)}</dd>
        </div>
        {totals.discount.amount > 0 && (
          <div>
            <dt>Discount</dt>
            <dd>−{formatMoney(totals.discount)}</dd>
          </div>
        )}
        <div>
          <dt>Shipping</dt>
          <dd>
            {!checkout.shippingMethod
              ? 'Next step'
              : totals.shipping.amount === 0
                ? 'Free'
                : formatMoney(totals.shipping)}
          </dd>
        </div>
        <div>
          <dt>{taxLabel(totals.taxIncluded)}</dt>
          <dd>{checkout.shippingAddress ? formatMoney(totals.tax) : 'After the address'}</dd>
        </div>
        <div class="summary-total">
          <dt>Total</dt>
          <dd data-testid="checkout-total">{formatMoney(totals.total)}</dd>
        </div>
      </dl>
      <Slot />
    </aside>
  );
});
