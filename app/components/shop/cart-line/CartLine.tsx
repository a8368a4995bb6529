/** One cart line: image, name, variant, unit price, a quantity form, the line total and a remove button. */

import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { MAX_LINE_QUANTITY } from '@domain/cart/limits';
import type { PricedCartLine } from '@worker/services/cart/cart';
import { formatMoney } from '~/lib/format';
import type { ChangeLineStore } from '~/routes/(shop)/cart/index';

interface Props {
  line: PricedCartLine;
  action: ChangeLineStore;
}

/** Both forms post without JavaScript; each names its product so screen-reader users know which line they change. */
export const CartLine = component$<Props>(({ line, action }) => {
  const qtyId = `qty-${line.sku}`;
  return (
    <li class="cart-line" data-sku={line.sku}>
      <div class="cart-line-media">
        {line.imageUrl && <img src={line.imageUrl} alt="" width={88} height={110} loading="lazy" />}
      </div>
      <div class="cart-line-body">
        <div class="cart-line-top">
          <div>
            <h2>
              <a href={`/p/${line.productSlug}`}>{line.productName}</a>
            </h2>
            {line.variantLabel && <p class="cart-line-meta">{line.variantLabel}</p>}
            <p class="cart-line-meta">
              {formatMoney(line.unitPrice)} <span>each</span>
            </p>
          </div>
          <p class="cart-line-total" data-testid="line-total">
            <span class="visually-hidden">Line total </span>
            {formatMoney(line.lineTotal)}
          </p>
        </div>
        <div class="cart-line-actions">
          <Form action={action} class="qty-form">
            <input type="hidden" name="sku" value={line.sku} />
            <div class="field">
              <label for={qtyId}>
                Quantity<span class="visually-hidden"> of {line.productName}</span>
              </label>
              <input
                id={qtyId}
                class="input input-qty"
                type="number"
                name="quantity"
                inputMode="numeric"
                min={0}
                max={MAX_LINE_QUANTITY}
                value={line.quantity}
                required
              />
            </div>
            <button type="submit" class="btn btn-secondary">
              Update<span class="visually-hidden"> quantity of {line.productName}</span>
            </button>
          </Form>
          <Form action={action}>
            <input type="hidden" name="sku" value={line.sku} />
            <input type="hidden" name="quantity" value="0" />
            <button type="submit" class="btn btn-link">
              Remove<span class="visually-hidden"> {line.productName}</span>
            </button>
          </Form>
        </div>
      </div>
    </li>
  );
});
