/** One cart line: image, name, variant, unit price, a quantity form, the line total and a remove button. */

import { component$, type QRL } from '@builder.io/qwik';
import { MAX_LINE_QUANTITY } from '@domain/cart/limits';
import type { Money } from '@domain/pricing/money';
import { formatMoney } from '~/lib/format';

/**
 * A line as the cart page shows it: priced by the server, or by this device while its changes wait offline (then a
 * line added offline may have no known price yet, and no product page link).
 */
export interface CartLineView {
  sku: string;
  quantity: number;
  productName: string;
  productSlug: string | null;
  variantLabel: string;
  imageUrl: string | null;
  unitPrice: Money | null;
  /** The unit price before a catalog sale, shown struck through beside `unitPrice`. */
  compareAtUnitPrice?: Money | null;
  lineTotal: Money | null;
}

interface Props {
  line: CartLineView;
  /** The change-line action's URL: without JavaScript both forms post there. */
  actionPath: string;
  /** With JavaScript: sends the form through the action online, or queues it on the device offline. */
  onChange$: QRL<(data: FormData) => Promise<void>>;
}

/** Both forms post without JavaScript; each names its product so screen-reader users know which line they change. */
export const CartLine = component$<Props>(({ line, actionPath, onChange$ }) => {
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
              {line.productSlug ? (
                <a href={`/p/${line.productSlug}`}>{line.productName}</a>
              ) : (
                line.productName
              )}
            </h2>
            {line.variantLabel && <p class="cart-line-meta">{line.variantLabel}</p>}
            <p class="cart-line-meta">
              {line.unitPrice ? (
                <>
                  {line.compareAtUnitPrice && (
                    <>
                      <s class="price-was">
                        <span class="visually-hidden">Was </span>
                        {formatMoney(line.compareAtUnitPrice)}
                      </s>{' '}
                      <span class="visually-hidden">Now </span>
                    </>
                  )}
                  {formatMoney(line.unitPrice)} <span>each</span>
                </>
              ) : (
                'Price confirmed when you are back online'
              )}
            </p>
          </div>
          <p class="cart-line-total" data-testid="line-total">
            <span class="visually-hidden">Line total </span>
            {line.lineTotal ? formatMoney(line.lineTotal) : '—'}
          </p>
        </div>
        <div class="cart-line-actions">
          <form
            action={actionPath}
            method="post"
            class="qty-form"
            preventdefault:submit
            onSubmit$={(_, form) => onChange$(new FormData(form))}
          >
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
          </form>
          <form
            action={actionPath}
            method="post"
            preventdefault:submit
            onSubmit$={(_, form) => onChange$(new FormData(form))}
          >
            <input type="hidden" name="sku" value={line.sku} />
            <input type="hidden" name="quantity" value="0" />
            <button type="submit" class="btn btn-link">
              Remove<span class="visually-hidden"> {line.productName}</span>
            </button>
          </form>
        </div>
      </div>
    </li>
  );
});
