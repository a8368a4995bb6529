/** Helpers for the checkout tests: a cart with lines, a checkout taken through its steps. */
import { newId } from '@domain/core/ids';
import { jsonBody, newClient } from '@tests/support/workerd';

export type Api = ReturnType<typeof newClient>;

export const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

const put = (body: unknown): RequestInit => ({ ...jsonBody(body), method: 'PUT' });

/**
 * A new client with a cart holding `lines`, and a checkout for it taken to the payment step; with `cookie` (a
 * customer's session), every request is signed in, so the order is the account's.
 */
export async function readyCheckout(lines: { sku: string; quantity: number }[], cookie?: string) {
  const plain = newClient();
  const api: Api = cookie
    ? (path, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set('Cookie', cookie);
        return plain(path, { ...init, headers });
      }
    : plain;
  const cartId = newId('cart');
  for (const line of lines) {
    const added = await api(`/api/carts/${cartId}/items`, jsonBody(line));
    if (added.status !== 200) throw new Error(`add to cart: ${added.status} ${await added.text()}`);
  }
  const started = await api('/api/checkouts', jsonBody({ cartId }));
  const { id } = (await started.json()) as { id: string };
  for (const [step, body] of [
    ['contact', { email: `buyer-${id.slice(-6).toLowerCase()}@example.com` }],
    ['shipping-address', { address: ADDRESS }],
    ['shipping-method', { method: 'standard' }],
  ] as const) {
    const res = await api(`/api/checkouts/${id}/${step}`, put(body));
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${await res.text()}`);
  }
  return { api, cartId, checkoutId: id };
}

/** Places the order with the test gateway. */
export function placeOrder(api: Api, checkoutId: string, card: string, key = newId('request')) {
  return api(
    `/api/checkouts/${checkoutId}/orders`,
    jsonBody({ provider: 'test', paymentToken: card }, { 'Idempotency-Key': key }),
  );
}

export { put };
