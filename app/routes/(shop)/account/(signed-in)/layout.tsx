/** The signed-in part of the account area: a guard that sends anyone else to the login page, and the account's nav. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findCustomerById } from '@db/repositories/customers';
import { SUPPORTED_COUNTRIES } from '@domain/customers/address';
import { AccountNav } from '~/components/shop/account-nav/AccountNav';
import { loginPathFor } from '~/lib/next-path';
import { pageCustomer } from '~/lib/session';

/**
 * Runs before every page, loader and action below (an action posted after the session expired included): without a
 * live session the answer is a redirect to the login page, which comes back here afterwards.
 */
export const onRequest: RequestHandler = async (event) => {
  if (await pageCustomer(event)) return;
  throw event.redirect(302, loginPathFor(event.url));
};

/** The signed-in shopper's own details (never the password hash). */
export const useAccount = routeLoader$(async (event) => {
  const signedIn = await pageCustomer(event);
  const customer = signedIn
    ? await findCustomerById(createDb(event.platform.env), signedIn.principal.id)
    : null;
  if (!customer) throw event.redirect(302, loginPathFor(event.url));
  return {
    id: customer.id,
    name: customer.name,
    email: customer.email,
    country: customer.country,
    emailVerified: customer.emailVerifiedAt !== null,
  };
});

/** The countries we ship to, for the profile's and the address book's country pickers (read on the server only). */
export const useCountryOptions = routeLoader$(() =>
  SUPPORTED_COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
);

export default component$(() => (
  <div class="account-layout">
    <AccountNav />
    <div class="account-main">
      <Slot />
    </div>
  </div>
));
