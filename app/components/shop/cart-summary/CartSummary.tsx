/** The cart's order summary: item count, subtotal, automatic promotions, a note on shipping and tax, and the way to checkout. */
import { component$ } from '@builder.io/qwik';
import type { Money } from '@domain/pricing/money';
import { formatMoney, pluralise } from '~/lib/format';

interface Props {
  cart: { itemCount: number; subtotal: Money };
  /** Automatic promotions the shop applied (while estimated on this device: what the device expects to apply). */
  promotions?: readonly { name: string; amount: Money }[];
  /** True while the figures come from this device (changes waiting offline), not yet from the shop. */
  estimated?: boolean;
}

/** Summary panel beside the cart lines. */
export const CartSummary = component$<Props>(({ cart, promotions = [], estimated }) => (
  <aside class="cart-summary" aria-labelledby="summary-title">
    <h2 id="summary-title">Order summary</h2>
    <dl class="summary-list">
      <div>
        <dt>Items</dt>
        <dd data-testid="item-count">{cart.itemCount}</dd>
      </div>
      <div class={promotions.length === 0 && 'summary-total'}>
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">{formatMoney(cart.subtotal)}</dd>
      </div>
      {promotions.map((p) => (
        <div key={p.name}>
          <dt>{p.name}</dt>
          <dd>−{formatMoney(p.amount)}</dd>
        </div>
      ))}
      {promotions.length > 0 && (
        <div class="summary-total">
          <dt>After discounts</dt>
          <dd data-testid="discounted-subtotal">
            {formatMoney({
              amount: cart.subtotal.amount - promotions.reduce((n, p) => n + p.amount.amount, 0),
              currency: cart.subtotal.currency,
            })}
          </dd>
        </div>
      )}
    </dl>
    {estimated && (
      <p class="summary-note" data-testid="estimated-note">
        Estimated on this device: the shop confirms prices and stock when your changes reach it.
      </p>
    )}
    <p class="summary-note" id="checkout-note">
      Shipping, tax and discount codes are calculated at checkout.
    </p>
    <a class="btn btn-primary btn-block" href="/checkout">
      Go to checkout
    </a>
    <p class="summary-note">Your cart is saved on this device for {pluralise(30, 'day')}.</p>
    <a class="btn btn-secondary btn-block" href="/">
      Continue shopping
    </a>
  </aside>
));
