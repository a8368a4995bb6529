/** The checkout page's actions: one per step, then placing the order (re-exported by the page). */
import { routeAction$ } from '@builder.io/qwik-city';
import { listAddresses } from '@db/repositories/addresses';
import { PaymentProviderSchema } from '@domain/checkout/payment';
import { statusOfError } from '@domain/core/errors';
import { idSchema } from '@domain/core/id-schema';
import { AddressInputSchema } from '@domain/customers/address';
import {
  applyDiscountCode,
  removeDiscountCode,
  setContact,
  setShippingAddress,
  setShippingMethod,
} from '@worker/services/checkout/checkout';
import { placeCheckoutOrder } from '@worker/services/checkout/place-order';
import { z } from 'zod';
import { ADDRESS_FORM_LABELS } from '~/lib/address-fields';
import { pageCheckoutContext } from '~/lib/checkout-context';
import { formFailure, readForm } from '~/lib/form-input';
import { pageCustomer } from '~/lib/session';
import { recordPageOrder } from '~/lib/traffic';

const Checkout = z.object({ checkout: idSchema('checkout') });
const BACK = '/checkout';

/** Step 1: the email for the confirmation. */
export const useContact = routeAction$(async (data, event) => {
  const read = readForm(Checkout.extend({ email: z.string().trim().max(320) }), data, { email: 'Email' });
  if (!read.ok) return event.fail(400, read.failure);
  const result = await setContact(await pageCheckoutContext(event), read.value.checkout, read.value.email);
  if (!result.ok)
    return event.fail(400, { message: result.error.detail, fieldErrors: { email: result.error.detail } });
  throw event.redirect(303, BACK);
});

/** Step 2: the shipping address; `intent=refresh` only re-renders the fields for the chosen country. */
export const useCheckoutAddress = routeAction$(async (data, event) => {
  if ((data as { intent?: unknown }).intent === 'refresh') return { refreshed: true };
  const form = Checkout.extend({ intent: z.literal('save').optional(), address: AddressInputSchema });
  const read = readForm(form, data, ADDRESS_FORM_LABELS);
  if (!read.ok) return event.fail(400, read.failure);
  const result = await setShippingAddress(
    await pageCheckoutContext(event),
    read.value.checkout,
    read.value.address,
  );
  if (!result.ok) return event.fail(409, formFailure(result.error.detail));
  throw event.redirect(303, BACK);
});

/** Step 2, for customers: one of their saved addresses (looked up by their own id: nobody else's can be used). */
export const useSavedAddress = routeAction$(async (data, event) => {
  const read = readForm(Checkout.extend({ address: idSchema('address') }), data, {
    address: 'Saved address',
  });
  if (!read.ok) return event.fail(400, formFailure('Choose one of your saved addresses.'));
  const customer = await pageCustomer(event);
  if (!customer) return event.fail(401, formFailure('Sign in again to use your saved addresses.'));
  const ctx = await pageCheckoutContext(event);
  const saved = (await listAddresses(ctx.db, customer.principal.id)).find((a) => a.id === read.value.address);
  if (!saved) return event.fail(404, formFailure('That address is no longer in your address book.'));
  const { name, company, line1, line2, city, region, postalCode, country, phone } = saved;
  const address = { name, company, line1, line2, city, region, postalCode, country, phone };
  const defined = Object.fromEntries(Object.entries(address).filter(([, v]) => v !== null && v !== ''));
  const result = await setShippingAddress(ctx, read.value.checkout, defined);
  if (!result.ok)
    return event.fail(400, formFailure(`That saved address needs updating: ${result.error.detail}`));
  throw event.redirect(303, BACK);
});

/** Step 3: a shipping method. */
export const useShippingMethod = routeAction$(async (data, event) => {
  const read = readForm(Checkout.extend({ method: z.string().min(1).max(32) }), data, {
    method: 'Shipping method',
  });
  if (!read.ok) return event.fail(400, formFailure('Choose a shipping method.'));
  const result = await setShippingMethod(
    await pageCheckoutContext(event),
    read.value.checkout,
    read.value.method,
  );
  if (!result.ok) return event.fail(409, formFailure(result.error.detail));
  throw event.redirect(303, BACK);
});

/** A discount code, at any step: saved only when it applies, else the field says why. */
export const useApplyDiscountCode = routeAction$(async (data, event) => {
  const read = readForm(Checkout.extend({ code: z.string().max(64) }), data, { code: 'Discount code' });
  if (!read.ok) return event.fail(400, read.failure);
  const result = await applyDiscountCode(
    await pageCheckoutContext(event),
    read.value.checkout,
    read.value.code,
  );
  if (!result.ok) {
    const { code, detail } = result.error;
    return event.fail(statusOfError(code), { message: detail, fieldErrors: { code: detail } });
  }
  return { applied: result.value.discounts.codes.at(-1) ?? '' };
});

/** Takes a discount code off the checkout. */
export const useRemoveDiscountCode = routeAction$(async (data, event) => {
  const read = readForm(Checkout.extend({ code: z.string().max(64) }), data, { code: 'Discount code' });
  if (!read.ok) return event.fail(400, read.failure);
  const result = await removeDiscountCode(
    await pageCheckoutContext(event),
    read.value.checkout,
    read.value.code,
  );
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  return { removed: read.value.code };
});

/**
 * Step 4: place the order. The form carries a key minted when the page was rendered, so pressing the button twice
 * (or the browser resending the form) reaches the provider with one idempotency key: one payment.
 */
export const usePlaceOrder = routeAction$(async (data, event) => {
  const form = Checkout.extend({
    provider: PaymentProviderSchema,
    paymentToken: z.string().max(255).optional(),
    key: z.string().regex(/^[A-Za-z0-9_.:-]{16,128}$/),
  });
  const read = readForm(form, data, { provider: 'Payment method', paymentToken: 'Payment details' });
  if (!read.ok) return event.fail(400, read.failure);
  const { checkout, provider, paymentToken, key } = read.value;
  const result = await placeCheckoutOrder(await pageCheckoutContext(event), checkout, {
    provider,
    paymentToken,
    idempotencyKey: key,
  });
  if (!result.ok) return event.fail(statusOfError(result.error.code), formFailure(result.error.detail));
  const outcome = result.value;
  if (outcome.kind === 'order') recordPageOrder(event, checkout);
  if (outcome.kind === 'order') throw event.redirect(303, `/orders/${encodeURIComponent(outcome.token)}`);
  if (outcome.kind === 'action') throw event.redirect(303, outcome.url);
  throw event.redirect(303, `/checkout/complete?checkout=${encodeURIComponent(checkout)}`);
});
