/** The product page's buy box: price of the chosen variant, options, quantity, Add to cart (also offline) and its messages. */

import { $, component$, type Signal, useComputed$, useSignal } from '@builder.io/qwik';
import type { OptionType, VariantDetail } from '@db/repositories/catalog';
import { MAX_LINE_QUANTITY } from '@domain/cart/limits';
import { StockNote } from '~/components/shop/stock-note/StockNote';
import { VariantPicker } from '~/components/shop/variant-picker/VariantPicker';
import { Price } from '~/components/ui/price/Price';
import { announceCartCount, bumpCartCount } from '~/lib/cart-changed';
import { findVariantByOptions } from '~/lib/find-variant';
import type { AddToCartStore } from '~/routes/(shop)/p/[slug]/index';

/** What the buy box knows of the product: enough to choose a variant and price it (it is sent to the browser). */
export interface BuyBoxProduct {
  name: string;
  optionTypes: OptionType[];
  variants: Pick<VariantDetail, 'sku' | 'options' | 'price' | 'compareAt' | 'imageId'>[];
}

interface Props {
  product: BuyBoxProduct;
  action: AddToCartStore;
  /** The chosen value per option type (shared with the gallery and the live stock socket). */
  values: Signal<string[]>;
  /** Units available per SKU: the loader's reading, then live updates. */
  stock: Record<string, number | null>;
}

/** Shown once an add is queued on the device; the service worker replays it when the connection returns. */
export const SAVED_OFFLINE_MESSAGE = "Saved offline — it will be added to your cart when you're back online.";

/** A text field of a submitted form ('' when absent). */
function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * A progressively enhanced form: without JavaScript it posts and the page re-renders with the result; with it,
 * the action is submitted in place and the header's cart count refreshes. Offline, the add is queued on the device
 * (Dexie outbox + cartLines snapshot) instead of failing. The price follows the chosen variant.
 */
export const AddToCartForm = component$<Props>(({ product, action, values, stock }) => {
  const first = product.variants[0];
  const posted = action.formData;
  const names = product.optionTypes.map((t) => t.name);
  const variant = useComputed$(() => findVariantByOptions(product.variants, names, values.value));
  // Outcome of the last offline add: set instead of the action's result, cleared by the next submit.
  const offline = useSignal<{ saved: boolean; error?: string } | null>(null);
  const saving = useSignal(false);

  // A plain <form> rather than <Form>: <Form> always submits the action, and offline that request could only fail.
  // preventdefault:submit only applies once Qwik is running, so without JavaScript the browser posts as before.
  const onSubmit$ = $(async (_: SubmitEvent, form: HTMLFormElement) => {
    const data = new FormData(form);
    offline.value = null;
    if (navigator.onLine) {
      const { value } = await action.submit(data);
      // The header's count is filled in the browser (the page itself is the same for everyone).
      if (value && 'itemCount' in value) announceCartCount(value.itemCount);
      return;
    }
    const chosen = findVariantByOptions(
      product.variants,
      names,
      names.map((_, i) => field(data, `option_${i}`)),
    );
    if (!chosen) {
      offline.value = {
        saved: false,
        error: 'That combination is not available. Please choose other options.',
      };
      return;
    }
    saving.value = true;
    try {
      // Loaded on demand: it brings zod and Dexie, which no page should download up front.
      const { addToCartOffline } = await import('~/lib/offline/offline-cart');
      const added = await addToCartOffline({
        sku: chosen.sku,
        quantity: Number(field(data, 'quantity')),
        productName: product.name,
        unitPrice: chosen.price,
      });
      offline.value = added.ok ? { saved: true } : { saved: false, error: added.error.detail };
      // The header shows the add at once, as the cart page will (it redraws from the outbox).
      if (added.ok) bumpCartCount(Number(field(data, 'quantity')));
    } catch {
      offline.value = {
        saved: false,
        error: 'Sorry, this device could not save the item offline. Please try again.',
      };
    } finally {
      saving.value = false;
    }
  });

  const result = offline.value ? undefined : action.value;
  const failed = result?.failed === true;
  const quantityError = failed ? result.fieldErrors?.quantity : undefined;
  const message = offline.value?.error ?? (failed ? (result.message ?? quantityError) : undefined);
  const busy = action.isRunning || saving.value;
  const shownPrice = variant.value ?? first;
  const available = variant.value ? (stock[variant.value.sku] ?? null) : null;
  const soldOut = available !== null && available <= 0;
  return (
    <form
      action={action.actionPath}
      method="post"
      class="buy-box"
      aria-describedby="buy-status"
      preventdefault:submit
      onSubmit$={onSubmit$}
    >
      {shownPrice && (
        <div data-testid="product-price">
          <Price price={shownPrice.price} compareAt={shownPrice.compareAt} class="product-price" />
        </div>
      )}
      <StockNote available={available} />
      <VariantPicker optionTypes={product.optionTypes} values={values} />
      {!variant.value && (
        <p class="alert alert-error">This combination is not available. Please choose other options.</p>
      )}
      <div class="buy-row">
        <div class="field">
          <label for="quantity">Quantity</label>
          <input
            id="quantity"
            class="input input-qty"
            type="number"
            name="quantity"
            inputMode="numeric"
            min={1}
            max={MAX_LINE_QUANTITY}
            value={String(posted?.get('quantity') ?? '1')}
            required
            aria-invalid={quantityError ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="btn btn-primary btn-buy" disabled={busy || soldOut || !variant.value}>
          {busy ? 'Adding…' : soldOut ? 'Sold out' : 'Add to cart'}
        </button>
      </div>
      <div id="buy-status">
        <div class={['alert', 'alert-success']} role="status">
          {result && !failed && (
            <p>
              {result.message} <a href="/cart">View cart</a>
            </p>
          )}
          {offline.value?.saved && <p>{SAVED_OFFLINE_MESSAGE}</p>}
        </div>
        <div class={['alert', 'alert-error']} role="alert">
          {message && <p>{message}</p>}
        </div>
      </div>
    </form>
  );
});
