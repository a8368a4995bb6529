/** Bench fixtures for the money path: restocked SKUs and a pool of checkouts ready to place, made before measuring. */
import { mintCartId, nextClientIp } from './fixtures.mjs';

const ADDRESS = {
  name: 'Bench Buyer',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

async function send(baseUrl, method, path, body, ip, headers = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

/** Adds `units` to each SKU's stock (the developer route, loopback only), so the run does not sell out. */
export async function restock(baseUrl, skus, units) {
  for (const sku of skus) {
    await send(
      baseUrl,
      'POST',
      `/dev/stock/${encodeURIComponent(sku)}/adjust`,
      { delta: units },
      nextClientIp(),
    );
  }
}

/** One checkout taken to its payment step: cart with one line, contact, address, shipping method. */
async function readyCheckout(baseUrl, sku) {
  const ip = nextClientIp();
  const cartId = mintCartId();
  await send(baseUrl, 'POST', `/api/carts/${cartId}/items`, { sku, quantity: 1 }, ip);
  const { id } = await send(baseUrl, 'POST', '/api/checkouts', { cartId }, ip);
  await send(baseUrl, 'PUT', `/api/checkouts/${id}/contact`, { email: 'bench@example.com' }, ip);
  await send(baseUrl, 'PUT', `/api/checkouts/${id}/shipping-address`, { address: ADDRESS }, ip);
  await send(baseUrl, 'PUT', `/api/checkouts/${id}/shipping-method`, { method: 'standard' }, ip);
  return id;
}

/** `count` ready checkouts over `skus`, made `parallel` at a time. */
export async function prepareCheckouts(baseUrl, skus, count, parallel = 16) {
  const ids = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const n = next++;
      ids.push(await readyCheckout(baseUrl, skus[n % skus.length]));
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return ids;
}
