/**
 * The pages' side of the cart merge (worker/services/cart/merge): at login this browser's guest cart joins the
 * account's cart, as the API does; at logout the cart this browser used while signed in is kept with the account.
 */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { adoptCartAtLogin } from '@worker/services/cart/merge';
import { readCartId, writeCartId } from '~/lib/cart-cookie';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'cookie' | 'url'>;

/**
 * Points the cart cookie at the account's cart, with the guest's lines merged in. A merge that fails leaves the
 * guest cart where it was (logged; the login itself still succeeds: losing the session over a cart would be worse).
 */
export async function adoptCartForPage(event: Event, customerId: string): Promise<void> {
  const env = event.platform.env;
  try {
    const guest = readCartId(event.cookie, event.url) ?? undefined;
    const { cartId } = await adoptCartAtLogin(env, createDb(env), customerId, guest, Date.now());
    if (cartId) writeCartId(event.cookie, event.url, cartId);
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', event: 'cart-merge-failed', error: String(err) }));
  }
}

/**
 * Before the cart cookie is forgotten at logout: the cart this browser used while signed in stays the account's. A
 * cart started after login (the first add to cart of an account that had none, or an id minted offline) is not yet
 * linked to the account, and would otherwise be lost with the cookie; one that already is, is left as it is.
 */
export async function keepCartWithAccount(event: Event, customerId: string): Promise<void> {
  if (readCartId(event.cookie, event.url)) await adoptCartForPage(event, customerId);
}
