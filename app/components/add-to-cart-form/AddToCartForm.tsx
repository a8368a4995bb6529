/** The product page's buy box: price of the chosen variant, options, quantity, Add to cart and its messages. */
import { component$, useComputed$, useSignal } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import type { ProductDetail } from '../../../db/repositories/catalog';
import type { AddToCartStore } from '../../routes/p/[slug]/index';
import { Price } from '../price/Price';
import { StockNote } from '../stock-note/StockNote';
import { VariantPicker } from '../variant-picker/VariantPicker';

interface Props {
  product: ProductDetail & { available: Record<string, number | null> };
  action: AddToCartStore;
}

/**
 * A progressively enhanced form: without JavaScript it posts and the page re-renders with the result; with it,
 * Qwik submits in place and the header's cart count refreshes. The price follows the chosen variant.
 */
export const AddToCartForm = component$<Props>(({ product, action }) => {
  const first = product.variants[0];
  // After a no-JS post the page re-renders: keep what the shopper chose rather than resetting to the first variant.
  const posted = action.formData;
  const size = useSignal(String(posted?.get('size') ?? first?.size ?? ''));
  const colour = useSignal(String(posted?.get('colour') ?? first?.colour ?? ''));
  const variant = useComputed$(
    () =>
      product.variants.find((v) => (v.size ?? '') === size.value && (v.colour ?? '') === colour.value) ??
      null,
  );
  const result = action.value;
  const failed = result?.failed === true;
  const quantityError = failed ? result.fieldErrors?.quantity : undefined;
  const message = failed ? (result.message ?? quantityError) : undefined;
  const shownPrice = variant.value ?? first;
  return (
    <Form action={action} class="buy-box" aria-describedby="buy-status">
      {shownPrice && (
        <div data-testid="product-price">
          <Price price={shownPrice.price} compareAt={shownPrice.compareAt} class="product-price" />
        </div>
      )}
      {variant.value && <StockNote available={product.available[variant.value.sku] ?? null} />}
      <VariantPicker
        sizes={product.options.sizes}
        colours={product.options.colours}
        size={size}
        colour={colour}
      />
      {!variant.value && (
        <p class="alert alert-error">
          This combination is not available. Please choose another size or colour.
        </p>
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
            max={99}
            value={String(posted?.get('quantity') ?? '1')}
            required
            aria-invalid={quantityError ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="btn btn-primary" disabled={action.isRunning}>
          {action.isRunning ? 'Adding…' : 'Add to cart'}
        </button>
      </div>
      <div id="buy-status">
        <div class={['alert', 'alert-success']} role="status">
          {result && !failed && (
            <p>
              {result.message} <a href="/cart">View cart</a>
            </p>
          )}
        </div>
        <div class={['alert', 'alert-error']} role="alert">
          {message && <p>{message}</p>}
        </div>
      </div>
    </Form>
  );
});
