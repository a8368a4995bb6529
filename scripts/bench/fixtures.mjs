/** Bench fixtures: real slugs, categories and sellable SKUs read from the running Worker, and id/key minting. */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as domain/ids.ts
const MAX_PRODUCTS = 50;
const MAX_DETAIL_FETCHES = 16;
const MAX_SKUS = 24;

/** A cart id as domain/ids.ts mints it: `cart_` + 10 chars of ms time + 16 random chars. */
export function mintCartId(now = Date.now()) {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (const b of crypto.getRandomValues(new Uint8Array(16))) rand += ALPHABET[b % 32];
  return `cart_${time}${rand}`;
}

/**
 * How many shoppers the bench plays, each with its own rate-limit key. Real shoppers come back: one adds several
 * items and opens several pages a minute from one address. A pool of 1,024 keeps each key under the limiter's 120
 * writes a minute up to 2,048 requests a second, and keeps the limiter's table at the size of the pool. (Until
 * 2026-12-04 every request was a new client: under Miniflare each new key costs a scan of every key counted this
 * minute, a cost of the local emulation that grew with the run and that the production binding does not have.)
 */
export const CLIENT_POOL = 1024;

let clientSeq = 0;
/**
 * The rate-limit key of the next client in the pool. The Worker keys its limiter on the CF-Connecting-IP header,
 * which Miniflare passes through; only the header value changes, every packet still goes to 127.0.0.1. Values come
 * from the IPv6 documentation prefix (2001:db8::/32) so they name no real host.
 */
export function nextClientIp() {
  clientSeq = (clientSeq % CLIENT_POOL) + 1;
  // Each client its own /64: the rate limiter keys IPv6 clients by their /64, as one household or host.
  return `2001:db8:0:${clientSeq.toString(16)}::1`;
}

async function getJson(baseUrl, path) {
  const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return res.json();
}

/** POSTs one add-to-cart to a fresh cart; returns the status. */
export async function addToFreshCart(baseUrl, sku, clientIp = nextClientIp()) {
  const res = await fetch(`${baseUrl}/api/carts/${mintCartId()}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': clientIp },
    body: JSON.stringify({ sku, quantity: 1 }),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * SKUs that an add-to-cart accepts. Adding to a cart reserves nothing (holds are taken at checkout),
 * so a SKU that succeeds once for a fresh cart succeeds for every fresh cart; one probe per SKU
 * proves it is in the catalog and has stock, instead of trusting the seed.
 */
async function findSellableSkus(baseUrl, slugs) {
  const candidates = [];
  for (const slug of slugs.slice(0, MAX_DETAIL_FETCHES)) {
    const product = await getJson(baseUrl, `/api/products/${encodeURIComponent(slug)}`);
    for (const variant of product.variants ?? []) candidates.push(variant.sku);
  }
  const sellable = [];
  const rejected = {};
  for (const sku of candidates) {
    if (sellable.length >= MAX_SKUS) break;
    const status = await addToFreshCart(baseUrl, sku);
    if (status === 200) sellable.push(sku);
    else rejected[status] = (rejected[status] ?? 0) + 1;
  }
  return { sellable, rejected, probed: sellable.length + Object.values(rejected).reduce((a, b) => a + b, 0) };
}

/**
 * The product page URL form that answers 200 itself: `/p/<slug>` or `/p/<slug>/`. Qwik City redirects
 * the other form (301, `trailingSlash` in vite.config.ts), and a bench of redirects measures nothing.
 * Returns the suffix ('' or '/'), or null when neither form answers 200 (the page does not exist yet).
 */
async function findPageSuffix(baseUrl, slug) {
  for (const suffix of ['/', '']) {
    const res = await fetch(`${baseUrl}/p/${encodeURIComponent(slug)}${suffix}`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    if (res.status === 200) return suffix;
  }
  return null;
}

/**
 * Reads what the scenarios rotate over: up to 50 product slugs, the category slugs and sellable SKUs.
 * @returns {Promise<{ slugs: string[], categories: string[], pageSuffix: string | null, skus: string[], skuProbe: object }>}
 */
export async function loadFixtures(baseUrl) {
  const list = await getJson(baseUrl, `/api/products?limit=${MAX_PRODUCTS}`);
  const slugs = list.items.map((p) => p.slug);
  if (slugs.length === 0) throw new Error('GET /api/products returned no products: is the local D1 seeded?');
  const categories = (await getJson(baseUrl, '/api/categories')).items
    .filter((c) => c.productCount > 0)
    .map((c) => c.slug);
  const pageSuffix = await findPageSuffix(baseUrl, slugs[0]);
  const skuProbe = await findSellableSkus(baseUrl, slugs);
  if (skuProbe.sellable.length === 0) {
    throw new Error(`no SKU could be added to a cart (statuses: ${JSON.stringify(skuProbe.rejected)})`);
  }
  return { slugs, categories, pageSuffix, skus: skuProbe.sellable, skuProbe };
}

/**
 * Checks whether the RATE_LIMITER binding limits under local wrangler dev: `count` POSTs that create
 * an empty cart, all with one client key, sequentially. Returns how many got 201 and 429.
 */
export async function probeRateLimit(baseUrl, count = 130) {
  const clientIp = '2001:db8:1::1'; // outside the pool, so no earlier request counts against it
  const statuses = {};
  let first429 = null;
  for (let i = 1; i <= count; i++) {
    const res = await fetch(`${baseUrl}/api/carts`, {
      method: 'POST',
      headers: { 'cf-connecting-ip': clientIp },
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status === 429 && first429 === null) first429 = i;
  }
  return { requests: count, sameClientKey: true, statuses, first429AtRequest: first429 };
}
