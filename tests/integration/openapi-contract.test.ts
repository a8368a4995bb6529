/**
 * The OpenAPI document is true: every operation in the live /api/openapi.json is called through the real Worker
 * (happy paths and error paths), and every response must be one the document lists for that operation — the
 * status, the media type and the body (validated with Ajv against the document's own schemas, JSON Schema
 * 2020-12 as OpenAPI 3.1 uses). Everything is derived from the live document, so a route added to it without
 * requests here fails the coverage check, and a response that drifts from it fails the call that produced it.
 * (That the document is itself valid OpenAPI 3.1 is checked in Node: worker/http/openapi.node.test.ts.)
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { orderLines, orders } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { newId } from '@domain/core/ids';
import {
  createCustomer,
  createStaff,
  loginCookie,
  TEST_PASSWORD,
  type TestAccount,
  tokenFor,
} from '@tests/support/accounts';
import { JPEG_16X16, PNG_3X2 } from '@tests/support/fixtures/images';
import { seedSmallStore } from '@tests/support/workerd';
import { signTestPayload, TEST_SIGNATURE_HEADER } from '@worker/integrations/payments/test-gateway-signature';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';

type Schema = Record<string, unknown>;
type MediaTypes = Record<string, { schema?: Schema }>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: MediaTypes };
  responses: Record<
    string,
    {
      description: string;
      content?: MediaTypes;
      headers?: Record<string, { required?: boolean; schema?: Schema }>;
    }
  >;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const DOC_ID = 'https://edgeshop.test/api/openapi.json';
/** Over the Worker's 64 KiB body limit (worker/middleware/json-body.ts). */
const TOO_LARGE_BODY = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
/** More writes than one client may make in a minute (wrangler.toml [[ratelimits]]: 120). */
const MAX_WRITES_TO_LIMIT = 1000;

let doc: Document;
let ajv: Ajv2020;
let data: SeedData;

/** Operation key -> statuses seen, for the coverage check at the end. */
const seen = new Map<string, Set<number>>();

const pointer = (...parts: string[]) =>
  `${DOC_ID}#/${parts.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

function operations(): { key: string; method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
  );
}

/** The documented operation a request goes to: literal path segments win over templated ones. */
function operationOf(method: string, url: URL) {
  const candidates = operations().filter(
    (o) =>
      o.method === method.toLowerCase() &&
      new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(url.pathname),
  );
  candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  return candidates[0];
}

let ipCounter = 0;
/**
 * A client of its own: a fresh /64 of the IPv6 documentation prefix (the limiter keys IPv6 by /64), never reused in
 * a run, so a budget one call spent can never refuse a later call (an IPv4 /24 would wrap after 250 clients).
 */
function newIp() {
  ipCounter += 1;
  return `2001:db8:${ipCounter.toString(16)}::1`;
}

type Checked = { status: number; headers: Headers; body: unknown };

/**
 * Sends a request and checks the response against the document: the operation exists, the status is listed,
 * the Content-Type is one of that response's media types, and the body matches its schema.
 */
async function call(
  method: string,
  path: string,
  init: RequestInit & { ip?: string } = {},
): Promise<Checked> {
  const url = new URL(path, 'http://shop.test');
  const headers = new Headers(init.headers);
  headers.set('CF-Connecting-IP', init.ip ?? newIp());
  const res = await SELF.fetch(new Request(url, { ...init, method, headers }));
  const found = operationOf(method, url);
  const what = `${method} ${url.pathname}${url.search}`;
  if (!found) throw new Error(`${what} is not an operation of the document`);
  const statuses = seen.get(found.key) ?? new Set<number>();
  statuses.add(res.status);
  seen.set(found.key, statuses);

  const status = String(res.status);
  const listed = [status, `${status[0]}XX`, 'default'].find((s) => found.op.responses[s]);
  const text = await res.text();
  expect(
    listed,
    `${what} answered ${res.status} (${text.slice(0, 200)}), which ${found.key} does not list (it lists ${Object.keys(found.op.responses).join(', ')})`,
  ).toBeDefined();
  const response = found.op.responses[listed!]!;
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const value = res.headers.get(name);
    if (value === null) {
      expect(header.required, `${what} ${res.status}: required header ${name} is missing`).not.toBe(true);
      continue;
    }
    const valid = header.schema?.type === 'integer' ? /^\d+$/.test(value) : true;
    expect(
      valid,
      `${what} ${res.status}: header ${name}: ${value} does not match ${JSON.stringify(header.schema)}`,
    ).toBe(true);
  }
  if (res.status < 300) checkRequestBody(found, what, init);
  if (!response.content) {
    expect(text, `${what} ${res.status}: the document declares no body`).toBe('');
    return { status: res.status, headers: res.headers, body: undefined };
  }
  const mediaType = (res.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  expect(
    Object.keys(response.content),
    `${what} ${res.status} answered Content-Type ${mediaType || '(none)'}`,
  ).toContain(mediaType);
  const body = /[/+]json$/.test(mediaType) ? JSON.parse(text) : text;
  if (response.content[mediaType]!.schema) {
    const validate = ajv.getSchema(
      pointer('paths', found.path, found.method, 'responses', listed!, 'content', mediaType, 'schema'),
    );
    if (!validate) throw new Error(`no schema for ${found.key} ${listed}`);
    const valid = validate(body);
    expect(
      valid ? [] : validate.errors,
      `${what} ${res.status}: the body does not match the document: ${text.slice(0, 300)}`,
    ).toEqual([]);
  }
  if (mediaType === 'application/problem+json') {
    expect((body as { status?: unknown }).status, `${what}: problem status`).toBe(res.status);
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * A request the Worker accepted must be one the document allows: a JSON body that its requestBody schema
 * accepts (a success for anything else means the document is stricter than the Worker), and one there at all
 * when the body is required.
 */
function checkRequestBody(
  found: NonNullable<ReturnType<typeof operationOf>>,
  what: string,
  init: RequestInit,
): void {
  const requestBody = found.op.requestBody;
  if (!requestBody) return;
  if (init.body instanceof FormData) {
    expect(Object.keys(requestBody.content), `${what} succeeded with a form body`).toContain(
      'multipart/form-data',
    );
    return;
  }
  if (typeof init.body !== 'string') {
    expect(requestBody.required, `${what} succeeded without the body the document requires`).not.toBe(true);
    return;
  }
  const mediaType = (new Headers(init.headers).get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  expect(Object.keys(requestBody.content), `${what} succeeded with a ${mediaType} body`).toContain(mediaType);
  if (!/[/+]json$/.test(mediaType)) return; // an upload (CSV): its schema is a string
  const validate = ajv.getSchema(
    pointer('paths', found.path, found.method, 'requestBody', 'content', mediaType, 'schema'),
  );
  if (!validate) return;
  const valid = validate(JSON.parse(init.body));
  expect(
    valid ? [] : validate.errors,
    `${what} succeeded with a body the document forbids: ${init.body}`,
  ).toEqual([]);
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A cart id the API accepts, with one line of `sku` in it. */
async function cartWith(sku: string, quantity = 1): Promise<string> {
  const created = await call('POST', '/api/carts');
  const id = (created.body as { id: string }).id;
  expect((await call('POST', `/api/carts/${id}/items`, json({ sku, quantity }))).status).toBe(200);
  return id;
}

const stocked = (min: number) => data.inventory.find((l) => l.onHand >= min)!.sku;

const put = (body: unknown, headers: Record<string, string> = {}): RequestInit => json(body, headers);

/** A checkout for a one-line cart, taken through the steps up to (not including) `until`. */
async function checkoutUpTo(until: 'contact' | 'address' | 'shipping' | 'payment'): Promise<string> {
  const cartId = await cartWith(stocked(3));
  const id = ((await call('POST', '/api/checkouts', json({ cartId }))).body as { id: string }).id;
  const steps = [
    ['contact', 'contact', { email: 'contract@example.com' }],
    ['address', 'shipping-address', { address: CHECKOUT_ADDRESS }],
    ['shipping', 'shipping-method', { method: 'standard' }],
  ] as const;
  for (const [step, path, body] of steps) {
    if (step === until) break;
    expect((await call('PUT', `/api/checkouts/${id}/${path}`, put(body))).status).toBe(200);
  }
  return id;
}

const CHECKOUT_ADDRESS = {
  name: 'Ada',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

const csv = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'Content-Type': 'text/csv', ...headers },
  body,
});
const cookieOf = (init: RequestInit | undefined) => new Headers(init?.headers).get('Cookie') ?? '';

/** A one-row product CSV for a new handle in the seeded store's first category. */
const productCsv = (handle: string) =>
  `handle,name,category,sku,price\r\n${handle},Contract Tee,${data.categories[0]!.slug},${handle.toUpperCase()},12.50\r\n`;

const withCookie = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...headersOf(init), Cookie: cookie },
});

/** A fresh verified customer and a session cookie for them. */
async function shopper(): Promise<{ account: TestAccount; cookie: string }> {
  const account = await createCustomer();
  return { account, cookie: await loginCookie('customer', account) };
}

/** A fresh administrator's session cookie. */
async function admin(): Promise<string> {
  return loginCookie('staff', await createStaff(['admin']));
}

const ADDRESS = {
  name: 'Jo Doe',
  line1: '1 Main St',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};

let orderCounter = 0;
/** An order of `customerId`, inserted directly (checkout arrives with a later issue). */
async function orderOf(customerId: string): Promise<string> {
  const number = String(90_000 + ++orderCounter);
  const now = Date.now();
  await createDb(env)
    .insert(orders)
    .values({
      id: newId('order'),
      number,
      customerId,
      email: 'x@example.com',
      status: 'shipped',
      currency: 'USD',
      subtotalAmount: 1000,
      totalAmount: 1000,
      shippingAddress: JSON.stringify(ADDRESS),
      shippingMethod: 'standard',
      placedAt: now,
      updatedAt: now,
    });
  return number;
}

const REVIEW = { rating: 4, title: 'Good', body: 'Does the job.' };

/** The id of a new pending review by a fresh customer. */
async function pendingReview(): Promise<string> {
  const { cookie } = await shopper();
  const res = await call(
    'PUT',
    `/api/account/reviews/${data.products[3]!.slug}`,
    withCookie(cookie, json(REVIEW)),
  );
  return (res.body as { id: string }).id;
}

/** An administrator's cookie once the report rollups are whole (an export is refused while they are recounted). */
async function reportsReady(): Promise<string> {
  const cookie = await admin();
  for (let i = 0; i < 400; i++) {
    const sales = await call(
      'GET',
      '/api/admin/reports/sales?from=2026-01-01&to=2026-01-31',
      withCookie(cookie),
    );
    if ((sales.body as { rebuilding: unknown }).rebuilding === null) return cookie;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the report rollups were not rebuilt');
}

let exportId: Promise<string> | undefined;
/** A finished report export (the REPORTS queue's consumer runs it in this workerd), made once. */
function finishedExport(): Promise<string> {
  exportId ??= (async () => {
    const cookie = await reportsReady();
    const range = json({ from: '2026-01-01', to: '2026-12-31', group: 'variant' });
    const { id } = (await call('POST', '/api/admin/report-exports', withCookie(cookie, range))).body as {
      id: string;
    };
    for (let i = 0; i < 200; i++) {
      const view = await call('GET', `/api/admin/report-exports/${id}`, withCookie(cookie));
      if ((view.body as { status: string }).status === 'done') return id;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`export ${id} did not finish`);
  })();
  return exportId;
}

/**
 * Per operation: a concrete path and request that must succeed (the other error paths are derived from the
 * document below), plus the operation's own error paths. A new operation in the document needs an entry here.
 */
/** Writes the per-client limit does not apply to: providers' signed webhooks. */
const RATE_LIMIT_EXEMPT = new Set(['POST /api/webhooks/{provider}']);

type Scenario = {
  happy: () => Promise<{ path: string; init?: RequestInit }>;
  errors?: (path: string) => Promise<void>;
};

const scenarios: Record<string, Scenario> = {
  'GET /api/health': { happy: async () => ({ path: '/api/health' }) },
  'GET /api/ping': { happy: async () => ({ path: '/api/ping' }) },
  'GET /api/categories': { happy: async () => ({ path: '/api/categories' }) },
  'GET /api/catalog/snapshot': {
    happy: async () => ({ path: '/api/catalog/snapshot' }),
    errors: async () => {
      expect((await call('GET', '/api/catalog/snapshot?since=0')).status).toBe(200);
      expect((await call('GET', '/api/catalog/snapshot?since=soon')).status).toBe(400);
    },
  },
  'GET /api/products': {
    happy: async () => {
      // Every filter and the facets at once, then a plain page (validated against the document too).
      const v = data.variants.find((x) => x.size && x.colour)!;
      const all = `size=${encodeURIComponent(v.size!)}&size=XL&colour=${encodeURIComponent(v.colour!)}`;
      const filtered = await call(
        'GET',
        `/api/products?${all}&priceMin=0&priceMax=100000&inStock=true&minRating=1&facets=true&sort=rating`,
      );
      expect(filtered.status).toBe(200);
      const collection = data.collections[0]!.slug;
      expect((await call('GET', `/api/products?q=a&sort=relevance&collection=${collection}`)).status).toBe(
        200,
      );
      return { path: '/api/products?limit=100&facets=true' };
    },
    errors: async () => {
      for (const query of [
        'limit=0',
        'limit=abc',
        'limit=1000000000000',
        'offset=-1',
        'offset=99999999999',
        'sort=cheapest',
        'color=red',
        'priceMin=-1',
        'priceMax=1e99',
        'minRating=6',
        'inStock=yes',
        'facets=1',
        `size=${'x'.repeat(41)}`,
        Array.from({ length: 21 }, (_, i) => `colour=c${i}`).join('&'),
        'category=..%2Fetc',
        'category=Not%20A%20Slug',
        `category=${'a'.repeat(81)}`,
        `q=${'x'.repeat(101)}`,
      ]) {
        expect((await call('GET', `/api/products?${query}`)).status, query).toBe(400);
      }
      const category = data.categories[0]!.slug;
      expect((await call('GET', `/api/products?category=${category}&sort=price_desc&q=a`)).status).toBe(200);
      expect((await call('GET', '/api/products?category=no-such-category')).status).toBe(200);
      // FTS5 syntax is only text: quotes, NEAR, *, unbalanced parentheses and column filters never reach FTS5.
      const hostile = [
        '"unbalanced',
        'NEAR(tee hoodie, 2)',
        '*',
        '((tee',
        'name:foo',
        'tee OR',
        '^x',
        "'; drop--",
      ];
      for (const q of hostile) {
        expect((await call('GET', `/api/products?facets=true&q=${encodeURIComponent(q)}`)).status, q).toBe(
          200,
        );
      }
    },
  },
  'GET /api/collections': { happy: async () => ({ path: '/api/collections' }) },
  'GET /api/collections/{slug}': {
    happy: async () => ({ path: `/api/collections/${data.collections[0]!.slug}?sort=price_asc&limit=5` }),
    errors: async () => {
      expect((await call('GET', '/api/collections/no-such-collection')).status).toBe(404);
      const slug = data.collections[0]!.slug;
      const bad = [
        '/api/collections/Bad%20Slug',
        `/api/collections/${'a'.repeat(81)}`,
        `/api/collections/${slug}?limit=101`,
        `/api/collections/${slug}?size=M`,
      ];
      for (const path of bad) expect((await call('GET', path)).status, path).toBe(400);
    },
  },
  'GET /api/products/{slug}': {
    happy: async () => {
      // A product on sale and one that is not, so both the money and the null compareAt are checked.
      const onSale = new Set(data.variants.filter((v) => v.compareAtAmount !== null).map((v) => v.productId));
      const plain = data.products.find((p) => !onSale.has(p.id));
      const sale = data.products.find((p) => onSale.has(p.id));
      expect(plain && sale, 'the seed has products on sale and not').toBeTruthy();
      expect((await call('GET', `/api/products/${sale!.slug}`)).status).toBe(200);
      return { path: `/api/products/${plain!.slug}` };
    },
    errors: async () => {
      expect((await call('GET', '/api/products/no-such-product')).status).toBe(404);
      expect((await call('GET', `/api/products/${'x'.repeat(121)}`)).status).toBe(400);
    },
  },
  'GET /api/search/suggestions': {
    happy: async () => ({
      path: `/api/search/suggestions?q=${encodeURIComponent(data.products[0]!.name.slice(0, 4))}`,
    }),
    errors: async () => {
      for (const query of ['', 'q=', 'q=a&limit=0', 'q=a&limit=11', `q=${'x'.repeat(101)}`]) {
        expect((await call('GET', `/api/search/suggestions?${query}`)).status).toBe(400);
      }
      const hostile = await call(
        'GET',
        `/api/search/suggestions?q=${encodeURIComponent('"NEAR(* OR name:')}`,
      );
      expect(hostile.status).toBe(200);
    },
  },
  'GET /api/stock/{sku}/live': {
    happy: async () => ({
      path: `/api/stock/${stocked(1)}/live`,
      init: { headers: { Upgrade: 'websocket' } },
    }),
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(426);
      const ws = { headers: { Upgrade: 'websocket' } };
      expect((await call('GET', '/api/stock/NO-SUCH-SKU-1/live', ws)).status).toBe(404);
    },
  },
  'POST /api/carts': { happy: async () => ({ path: '/api/carts' }) },
  'GET /api/carts/{cartId}': {
    happy: async () => ({ path: `/api/carts/${await cartWith(stocked(2))}` }),
    errors: async () => {
      expect((await call('GET', '/api/carts/not-a-cart-id')).status).toBe(400);
    },
  },
  'POST /api/carts/{cartId}/items': {
    happy: async () => {
      const id = (await call('POST', '/api/carts')).body as { id: string };
      return { path: `/api/carts/${id.id}/items`, init: json({ sku: stocked(2), quantity: 1 }) };
    },
    errors: async (path) => {
      const sku = stocked(2);
      const bad: unknown[] = [
        {},
        { sku, quantity: 0 },
        { sku, quantity: 1, price: 1 },
        { sku: 'bad sku', quantity: 1 },
      ];
      for (const body of bad) expect((await call('POST', path, json(body))).status).toBe(400);
      expect((await call('POST', path, json('{"sku":'))).status).toBe(400);
      expect((await call('POST', path, json({ sku: 'NO-SUCH-SKU', quantity: 1 }))).status).toBe(422);
      const scarce = data.inventory.find((l) => l.onHand < 98)!;
      const tooMany = await call('POST', path, json({ sku: scarce.sku, quantity: scarce.onHand + 1 }));
      expect(tooMany.status).toBe(409);
    },
  },
  'PUT /api/carts/{cartId}/items/{sku}': {
    happy: async () => {
      const sku = stocked(3);
      return { path: `/api/carts/${await cartWith(sku)}/items/${sku}`, init: json({ quantity: 2 }) };
    },
    errors: async (path) => {
      for (const body of [{ quantity: -1 }, { quantity: 1.5 }, { quantity: 1, sku: 'X' }]) {
        expect((await call('PUT', path, json(body))).status).toBe(400);
      }
      const cart = path.split('/')[3];
      expect((await call('PUT', `/api/carts/${cart}/items/NO-SUCH-SKU`, json({ quantity: 1 }))).status).toBe(
        422,
      );
      const scarce = data.inventory.find((l) => l.onHand < 98)!;
      expect(
        (await call('PUT', `/api/carts/${cart}/items/${scarce.sku}`, json({ quantity: scarce.onHand + 1 })))
          .status,
      ).toBe(409);
    },
  },
  'DELETE /api/carts/{cartId}/items/{sku}': {
    happy: async () => {
      const sku = stocked(2);
      return { path: `/api/carts/${await cartWith(sku)}/items/${sku}` };
    },
    errors: async (path) => {
      const cart = path.split('/')[3];
      expect((await call('DELETE', `/api/carts/${cart}/items/bad%20sku`)).status).toBe(400);
    },
  },
  'POST /api/checkouts': {
    happy: async () => ({ path: '/api/checkouts', init: json({ cartId: await cartWith(stocked(2)) }) }),
    errors: async (path) => {
      expect((await call('POST', path, json({ cartId: newId('cart') }))).status).toBe(409);
      expect((await call('POST', path, json({ cartId: 'nope' }))).status).toBe(400);
    },
  },
  'GET /api/checkouts/{checkoutId}': {
    happy: async () => ({ path: `/api/checkouts/${await checkoutUpTo('contact')}` }),
    errors: async () => {
      expect((await call('GET', '/api/checkouts/nope')).status).toBe(400);
      expect((await call('GET', `/api/checkouts/${newId('checkout')}`)).status).toBe(404);
    },
  },
  'PUT /api/checkouts/{checkoutId}/contact': {
    happy: async () => ({
      path: `/api/checkouts/${await checkoutUpTo('contact')}/contact`,
      init: { ...put({ email: 'a@example.com' }) },
    }),
    errors: async (path) => {
      expect((await call('PUT', path, put({ email: 'nope' }))).status).toBe(400);
      expect(
        (await call('PUT', `/api/checkouts/${newId('checkout')}/contact`, put({ email: 'a@example.com' })))
          .status,
      ).toBe(404);
    },
  },
  'PUT /api/checkouts/{checkoutId}/shipping-address': {
    happy: async () => ({
      path: `/api/checkouts/${await checkoutUpTo('address')}/shipping-address`,
      init: put({ address: CHECKOUT_ADDRESS }),
    }),
    errors: async (path) => {
      expect(
        (await call('PUT', path, put({ address: { ...CHECKOUT_ADDRESS, postalCode: 'X' } }))).status,
      ).toBe(400);
      const early = await checkoutUpTo('contact');
      expect(
        (await call('PUT', `/api/checkouts/${early}/shipping-address`, put({ address: CHECKOUT_ADDRESS })))
          .status,
      ).toBe(409);
    },
  },
  'POST /api/checkouts/{checkoutId}/discount-codes': {
    happy: async () => ({
      path: `/api/checkouts/${await checkoutUpTo('contact')}/discount-codes`,
      init: json({ code: (await adminPromotionWithCode()).code.toLowerCase() }),
    }),
    errors: async (path) => {
      expect((await call('POST', path, json({ code: 'no spaces' }))).status).toBe(400);
      expect((await call('POST', path, json({ code: 'NO-SUCH-CODE' }))).status).toBe(422);
      const missing = `/api/checkouts/${newId('checkout')}/discount-codes`;
      expect((await call('POST', missing, json({ code: 'NO-SUCH-CODE' }))).status).toBe(404);
    },
  },
  'DELETE /api/checkouts/{checkoutId}/discount-codes/{code}': {
    happy: async () => {
      const id = await checkoutUpTo('contact');
      const { code } = await adminPromotionWithCode();
      expect((await call('POST', `/api/checkouts/${id}/discount-codes`, json({ code }))).status).toBe(200);
      return { path: `/api/checkouts/${id}/discount-codes/${code}` };
    },
    errors: async (path) => {
      expect((await call('DELETE', path.replace(/[^/]+$/, 'x'))).status).toBe(400);
    },
  },
  'PUT /api/checkouts/{checkoutId}/shipping-method': {
    happy: async () => ({
      path: `/api/checkouts/${await checkoutUpTo('shipping')}/shipping-method`,
      init: put({ method: 'express' }),
    }),
    errors: async (path) => {
      expect((await call('PUT', path, put({ method: 'teleport' }))).status).toBe(400);
    },
  },
  'POST /api/checkouts/{checkoutId}/orders': {
    happy: async () => ({
      path: `/api/checkouts/${await checkoutUpTo('payment')}/orders`,
      init: json({ provider: 'test', paymentToken: 'success' }, { 'Idempotency-Key': newId('request') }),
    }),
    errors: async () => {
      const id = await checkoutUpTo('payment');
      const path = `/api/checkouts/${id}/orders`;
      const key = () => ({ 'Idempotency-Key': newId('request') });
      expect((await call('POST', path, json({ provider: 'test' }))).status).toBe(400);
      expect(
        (await call('POST', path, json({ provider: 'test', paymentToken: 'steal' }, key()))).status,
      ).toBe(400);
      // Stripe is configured (against the stand-in): without the Payment Element's confirmation token, 400.
      expect((await call('POST', path, json({ provider: 'stripe' }, key()))).status).toBe(400);
      expect(
        (await call('POST', path, json({ provider: 'test', paymentToken: 'decline' }, key()))).status,
      ).toBe(402);
      expect(
        (await call('POST', path, json({ provider: 'test', paymentToken: 'requires_action' }, key()))).status,
      ).toBe(202);
      const early = await checkoutUpTo('shipping');
      expect(
        (await call('POST', `/api/checkouts/${early}/orders`, json({ provider: 'test' }, key()))).status,
      ).toBe(409);
    },
  },
  'POST /api/checkouts/{checkoutId}/payment-status': {
    happy: async () => {
      const id = await checkoutUpTo('payment');
      const placed = await call(
        'POST',
        `/api/checkouts/${id}/orders`,
        json({ provider: 'test', paymentToken: 'success' }, { 'Idempotency-Key': newId('request') }),
      );
      expect(placed.status).toBe(201);
      return { path: `/api/checkouts/${id}/payment-status` };
    },
    errors: async () => {
      const id = await checkoutUpTo('payment');
      expect((await call('POST', `/api/checkouts/${id}/payment-status`)).status).toBe(409);
      expect((await call('POST', `/api/checkouts/${newId('checkout')}/payment-status`)).status).toBe(404);
    },
  },
  'POST /api/webhooks/{provider}': {
    happy: async () => {
      const body = JSON.stringify({
        id: newId('event'),
        type: 'payment.refunded',
        payment: 'tpay_x',
        reference: 'chk_x',
      });
      const signature = await signTestPayload('test-gateway-local-secret', body, Date.now());
      return { path: '/api/webhooks/test', init: json(body, { [TEST_SIGNATURE_HEADER]: signature }) };
    },
    errors: async (path) => {
      const body = JSON.stringify({
        id: newId('event'),
        type: 'payment.succeeded',
        payment: 'tpay_x',
        reference: 'x',
      });
      expect((await call('POST', path, json(body, { [TEST_SIGNATURE_HEADER]: 't=1,v1=ab' }))).status).toBe(
        400,
      );
      expect((await call('POST', '/api/webhooks/bitcoin', json(body))).status).toBe(400);
      expect((await call('POST', '/api/webhooks/stripe', json(body))).status).toBe(400);
      const signature = await signTestPayload('test-gateway-local-secret', body, Date.now());
      expect((await call('POST', path, json(body, { [TEST_SIGNATURE_HEADER]: signature }))).status).toBe(404);
    },
  },
  'POST /api/account/register': {
    happy: async () => ({
      path: '/api/account/register',
      init: json({
        email: `new-${crypto.randomUUID()}@example.com`,
        password: TEST_PASSWORD,
        name: 'New Shopper',
      }),
    }),
    errors: async (path) => {
      for (const body of [
        { email: 'not-an-email', password: TEST_PASSWORD, name: 'X' },
        { email: 'a@example.com', password: 'short', name: 'X' },
        { email: 'a@example.com', password: TEST_PASSWORD, name: 'X', isAdmin: true },
        { email: 'a@example.com', password: 'a@example.com', name: 'X' },
      ]) {
        expect((await call('POST', path, json(body))).status).toBe(400);
      }
    },
  },
  'POST /api/account/verify-email': {
    happy: async () => {
      const c = await createCustomer({ verified: false });
      const token = await tokenFor({
        purpose: 'verify-email',
        kind: 'customer',
        principalId: c.id,
        email: c.email,
      });
      return { path: '/api/account/verify-email', init: json({ token }) };
    },
    errors: async (path) => {
      expect((await call('POST', path, json({ token: 'x'.repeat(43) }))).status).toBe(400);
    },
  },
  'POST /api/account/login': {
    happy: async () => {
      const c = await createCustomer();
      return { path: '/api/account/login', init: json({ email: c.email, password: c.password }) };
    },
    errors: async (path) => {
      const c = await createCustomer();
      expect((await call('POST', path, json({ email: c.email, password: 'wrong-password' }))).status).toBe(
        401,
      );
      const u = await createCustomer({ verified: false });
      expect((await call('POST', path, json({ email: u.email, password: u.password }))).status).toBe(403);
    },
  },
  'POST /api/account/logout': {
    happy: async () => ({ path: '/api/account/logout', init: withCookie((await shopper()).cookie) }),
  },
  'POST /api/account/logout-everywhere': {
    happy: async () => ({
      path: '/api/account/logout-everywhere',
      init: withCookie((await shopper()).cookie),
    }),
    errors: async (path) => {
      expect((await call('POST', path)).status).toBe(401);
    },
  },
  'POST /api/account/password-reset': {
    happy: async () => ({
      path: '/api/account/password-reset',
      init: json({ email: (await createCustomer()).email }),
    }),
  },
  'POST /api/account/password-reset/confirm': {
    happy: async () => {
      const c = await createCustomer();
      const token = await tokenFor({
        purpose: 'reset-password',
        kind: 'customer',
        principalId: c.id,
        email: c.email,
      });
      return {
        path: '/api/account/password-reset/confirm',
        init: json({ token, password: 'a-new-password-1' }),
      };
    },
  },
  'POST /api/account/unlock': {
    happy: async () => {
      const c = await createCustomer();
      const token = await tokenFor({
        purpose: 'unlock-account',
        kind: 'customer',
        principalId: c.id,
        email: c.email,
      });
      return { path: '/api/account/unlock', init: json({ token }) };
    },
  },
  'GET /api/promotions/automatic': {
    happy: async () => ({ path: '/api/promotions/automatic' }),
    errors: async (path) => {
      // Nothing the client sends changes it; a promotion limited to listed customers is never in it.
      const res = await call('GET', `${path}?customerIds=all`);
      expect(res.status).toBe(200);
      const { promotions } = res.body as { promotions: { conditions: { customerIds: string[] } }[] };
      expect(promotions.every((p) => p.conditions.customerIds.length === 0)).toBe(true);
    },
  },
  'GET /api/session/summary': {
    happy: async () => ({ path: '/api/session/summary', init: withCookie((await shopper()).cookie) }),
    errors: async (path) => {
      // Nobody signed in and a malformed cart cookie: still a 200 with an empty summary, never an error.
      const res = await call('GET', path, withCookie('cart_id=not-a-cart'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ cartCount: 0, firstName: null });
    },
  },
  'GET /api/account': {
    happy: async () => ({ path: '/api/account', init: withCookie((await shopper()).cookie) }),
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(401);
    },
  },
  'PATCH /api/account': {
    happy: async () => ({
      path: '/api/account',
      init: withCookie((await shopper()).cookie, json({ name: 'Renamed' })),
    }),
    errors: async (path) => {
      expect((await call('PATCH', path, json({ name: 'X' }))).status).toBe(401);
    },
  },
  'POST /api/account/password': {
    happy: async () => {
      const { account, cookie } = await shopper();
      const body = { currentPassword: account.password, newPassword: 'another-password-2' };
      return { path: '/api/account/password', init: withCookie(cookie, json(body)) };
    },
    errors: async () => {
      const { cookie } = await shopper();
      const wrong = { currentPassword: 'not-my-password', newPassword: 'another-password-2' };
      expect((await call('POST', '/api/account/password', withCookie(cookie, json(wrong)))).status).toBe(401);
    },
  },
  'POST /api/account/email': {
    happy: async () => {
      const { account, cookie } = await shopper();
      const body = { newEmail: `moved-${crypto.randomUUID()}@example.com`, password: account.password };
      return { path: '/api/account/email', init: withCookie(cookie, json(body)) };
    },
  },
  'POST /api/account/email/confirm': {
    happy: async () => {
      const { account, cookie } = await shopper();
      const token = await tokenFor({
        purpose: 'change-email',
        kind: 'customer',
        principalId: account.id,
        email: `moved-${crypto.randomUUID()}@example.com`,
      });
      return { path: '/api/account/email/confirm', init: withCookie(cookie, json({ token })) };
    },
  },
  'GET /api/account/export': {
    happy: async () => ({ path: '/api/account/export', init: withCookie((await shopper()).cookie) }),
  },
  'DELETE /api/account': {
    happy: async () => {
      const { account, cookie } = await shopper();
      return { path: '/api/account', init: withCookie(cookie, json({ password: account.password })) };
    },
  },
  'GET /api/account/addresses': {
    happy: async () => ({ path: '/api/account/addresses', init: withCookie((await shopper()).cookie) }),
  },
  'POST /api/account/addresses': {
    happy: async () => ({
      path: '/api/account/addresses',
      init: withCookie((await shopper()).cookie, json({ address: ADDRESS, defaultShipping: true })),
    }),
    errors: async () => {
      const { cookie } = await shopper();
      const bad = { address: { ...ADDRESS, postalCode: '1234' } };
      expect((await call('POST', '/api/account/addresses', withCookie(cookie, json(bad)))).status).toBe(400);
    },
  },
  'PUT /api/account/addresses/{addressId}': {
    happy: async () => {
      const { cookie } = await shopper();
      const created = await call(
        'POST',
        '/api/account/addresses',
        withCookie(cookie, json({ address: ADDRESS })),
      );
      const id = (created.body as { items: { id: string }[] }).items[0]!.id;
      return {
        path: `/api/account/addresses/${id}`,
        init: withCookie(cookie, json({ address: { ...ADDRESS, line2: 'Apt 2' } })),
      };
    },
    errors: async (path) => {
      const { cookie } = await shopper(); // someone else's address: not found
      expect((await call('PUT', path, withCookie(cookie, json({ address: ADDRESS })))).status).toBe(404);
    },
  },
  'DELETE /api/account/addresses/{addressId}': {
    happy: async () => {
      const { cookie } = await shopper();
      const created = await call(
        'POST',
        '/api/account/addresses',
        withCookie(cookie, json({ address: ADDRESS })),
      );
      const id = (created.body as { items: { id: string }[] }).items[0]!.id;
      return { path: `/api/account/addresses/${id}`, init: withCookie(cookie) };
    },
  },
  'GET /api/account/orders': {
    happy: async () => {
      const { account, cookie } = await shopper();
      await orderOf(account.id);
      return { path: '/api/account/orders', init: withCookie(cookie) };
    },
  },
  'GET /api/account/orders/{number}': {
    happy: async () => {
      const { account, cookie } = await shopper();
      return { path: `/api/account/orders/${await orderOf(account.id)}`, init: withCookie(cookie) };
    },
    errors: async (path) => {
      const { cookie } = await shopper(); // someone else's order: not found
      expect((await call('GET', path, withCookie(cookie))).status).toBe(404);
    },
  },
  'POST /api/staff/login': {
    happy: async () => {
      const s = await createStaff(['warehouse']);
      return { path: '/api/staff/login', init: json({ email: s.email, password: s.password }) };
    },
    errors: async (path) => {
      expect(
        (await call('POST', path, json({ email: 'nobody@example.com', password: 'whatever-1' }))).status,
      ).toBe(401);
    },
  },
  'POST /api/staff/logout': {
    happy: async () => ({ path: '/api/staff/logout', init: withCookie(await admin()) }),
  },
  'GET /api/staff/me': {
    happy: async () => ({ path: '/api/staff/me', init: withCookie(await admin()) }),
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(401);
    },
  },
  'POST /api/staff/invitations/accept': {
    happy: async () => {
      const inviter = await createStaff(['admin']);
      const token = await tokenFor({
        purpose: 'staff-invite',
        kind: 'staff',
        principalId: null,
        email: `invitee-${crypto.randomUUID()}@example.com`,
        data: { name: 'Invitee', roles: ['warehouse'], inviter: inviter.id },
      });
      return { path: '/api/staff/invitations/accept', init: json({ token, password: TEST_PASSWORD }) };
    },
  },
  'GET /api/admin/customers': {
    happy: async () => ({ path: '/api/admin/customers?q=shopper', init: withCookie(await admin()) }),
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(401);
      const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
      expect((await call('GET', path, withCookie(warehouse))).status).toBe(403);
    },
  },
  'GET /api/admin/customers/{customerId}': {
    happy: async () => {
      const c = await createCustomer();
      return { path: `/api/admin/customers/${c.id}`, init: withCookie(await admin()) };
    },
    errors: async () => {
      const missing = `/api/admin/customers/${newId('customer')}`;
      expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
    },
  },
  'GET /api/admin/staff': {
    happy: async () => ({ path: '/api/admin/staff', init: withCookie(await admin()) }),
  },
  'POST /api/admin/staff/invitations': {
    happy: async () => ({
      path: '/api/admin/staff/invitations',
      init: withCookie(
        await admin(),
        json({ email: `hire-${crypto.randomUUID()}@example.com`, name: 'Hire', roles: ['content'] }),
      ),
    }),
  },
  'PUT /api/admin/staff/{staffId}/roles': {
    happy: async () => {
      const s = await createStaff(['content']);
      return {
        path: `/api/admin/staff/${s.id}/roles`,
        init: withCookie(await admin(), json({ roles: ['content', 'warehouse'] })),
      };
    },
    errors: async () => {
      const path = `/api/admin/staff/${newId('staff')}/roles`;
      expect((await call('PUT', path, withCookie(await admin(), json({ roles: ['content'] })))).status).toBe(
        404,
      );
    },
  },
  'POST /api/admin/staff/{staffId}/disable': {
    happy: async () => {
      const s = await createStaff(['content']);
      return { path: `/api/admin/staff/${s.id}/disable`, init: withCookie(await admin()) };
    },
  },
  'POST /api/admin/staff/{staffId}/enable': {
    happy: async () => {
      const s = await createStaff(['content']);
      return { path: `/api/admin/staff/${s.id}/enable`, init: withCookie(await admin()) };
    },
  },
  'GET /api/products/{slug}/reviews': {
    happy: async () => ({ path: `/api/products/${data.products[0]!.slug}/reviews?page=1` }),
    errors: async () => {
      expect((await call('GET', '/api/products/no-such-product/reviews')).status).toBe(404);
    },
  },
  'GET /api/account/reviews': {
    happy: async () => {
      const { cookie } = await shopper();
      await call('PUT', `/api/account/reviews/${data.products[0]!.slug}`, withCookie(cookie, json(REVIEW)));
      return { path: '/api/account/reviews', init: withCookie(cookie) };
    },
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(401);
    },
  },
  'PUT /api/account/reviews/{productSlug}': {
    happy: async () => ({
      path: `/api/account/reviews/${data.products[1]!.slug}`,
      init: withCookie((await shopper()).cookie, json(REVIEW)),
    }),
    errors: async (path) => {
      const { cookie } = await shopper();
      expect((await call('PUT', path, withCookie(cookie, json({ ...REVIEW, rating: 6 })))).status).toBe(400);
      expect((await call('PUT', path, json(REVIEW))).status).toBe(401);
      const missing = '/api/account/reviews/no-such-product';
      expect((await call('PUT', missing, withCookie(cookie, json(REVIEW)))).status).toBe(404);
    },
  },
  'DELETE /api/account/reviews/{productSlug}': {
    happy: async () => {
      const { cookie } = await shopper();
      const path = `/api/account/reviews/${data.products[2]!.slug}`;
      expect((await call('PUT', path, withCookie(cookie, json(REVIEW)))).status).toBe(201);
      return { path, init: withCookie(cookie) };
    },
    errors: async (path) => {
      const { cookie } = await shopper(); // no review of theirs: not found
      expect((await call('DELETE', path, withCookie(cookie))).status).toBe(404);
    },
  },
  'GET /api/admin/reviews': {
    happy: async () => ({
      path: '/api/admin/reviews?status=pending&page=1',
      init: withCookie(await admin()),
    }),
    errors: async (path) => {
      const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
      expect((await call('GET', path, withCookie(warehouse))).status).toBe(403);
    },
  },
  'POST /api/admin/reviews/{reviewId}/approve': {
    happy: async () => ({
      path: `/api/admin/reviews/${await pendingReview()}/approve`,
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const missing = `/api/admin/reviews/${newId('review')}/approve`;
      expect((await call('POST', missing, withCookie(await admin()))).status).toBe(404);
    },
  },
  'POST /api/admin/reviews/{reviewId}/reject': {
    happy: async () => ({
      path: `/api/admin/reviews/${await pendingReview()}/reject`,
      init: withCookie(await admin(), json({ reason: 'Off topic.' })),
    }),
    errors: async (path) => {
      expect((await call('POST', path, withCookie(await admin(), json({ reason: '' })))).status).toBe(400);
    },
  },
  'GET /api/admin/reports/sales': {
    happy: async () => ({
      path: '/api/admin/reports/sales?from=2026-01-01&to=2026-12-31',
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const inverted = '/api/admin/reports/sales?from=2026-12-31&to=2026-01-01';
      expect((await call('GET', inverted, withCookie(await admin()))).status).toBe(400);
      expect(
        (await call('GET', '/api/admin/reports/sales?from=2026-01-01&to=2026-01-31&format=csv')).status,
      ).toBe(401);
    },
  },
  'GET /api/admin/reports/products': {
    happy: async () => ({
      path: '/api/admin/reports/products?from=2026-01-01&to=2026-12-31&group=variant&by=net',
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const inverted = '/api/admin/reports/products?from=2026-12-31&to=2026-01-01';
      expect((await call('GET', inverted, withCookie(await admin()))).status).toBe(400);
      expect(
        (await call('GET', '/api/admin/reports/products?from=2026-01-01&to=2026-01-31&format=csv')).status,
      ).toBe(401);
    },
  },
  'GET /api/admin/reports/customers': {
    happy: async () => ({
      path: '/api/admin/reports/customers?from=2026-01-01&to=2026-12-31&byRegion=1',
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const inverted = '/api/admin/reports/customers?from=2026-12-31&to=2026-01-01';
      expect((await call('GET', inverted, withCookie(await admin()))).status).toBe(400);
      const unknownTable = '/api/admin/reports/customers?from=2026-01-01&to=2026-01-31&table=everyone';
      expect((await call('GET', unknownTable, withCookie(await admin()))).status).toBe(400);
      expect(
        (await call('GET', '/api/admin/reports/customers?from=2026-01-01&to=2026-01-31&format=csv')).status,
      ).toBe(401);
    },
  },
  'GET /api/admin/reports/traffic': {
    happy: async () => ({
      path: '/api/admin/reports/traffic?from=2026-01-01&to=2026-12-31&grain=week',
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const inverted = '/api/admin/reports/traffic?from=2026-12-31&to=2026-01-01';
      expect((await call('GET', inverted, withCookie(await admin()))).status).toBe(400);
    },
  },
  'GET /api/admin/reports/promotions': {
    happy: async () => ({
      path: '/api/admin/reports/promotions?from=2026-01-01&to=2026-12-31',
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const inverted = '/api/admin/reports/promotions?from=2026-12-31&to=2026-01-01';
      expect((await call('GET', inverted, withCookie(await admin()))).status).toBe(400);
      expect(
        (await call('GET', '/api/admin/reports/promotions?from=2026-01-01&to=2026-01-31&format=csv')).status,
      ).toBe(401);
    },
  },
  'POST /api/admin/report-exports': {
    happy: async () => ({
      path: '/api/admin/report-exports',
      init: withCookie(
        await reportsReady(),
        json({ from: '2026-01-01', to: '2026-01-31', group: 'category' }),
      ),
    }),
    errors: async (path) => {
      const inverted = json({ from: '2026-12-31', to: '2026-01-01', group: 'variant' });
      expect((await call('POST', path, withCookie(await admin(), inverted))).status).toBe(400);
    },
  },
  'GET /api/admin/report-exports': {
    happy: async () => ({ path: '/api/admin/report-exports', init: withCookie(await admin()) }),
  },
  'GET /api/admin/report-exports/{id}': {
    happy: async () => ({
      path: `/api/admin/report-exports/${await finishedExport()}`,
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const missing = `/api/admin/report-exports/${newId('reportExport')}`;
      expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
    },
  },
  'GET /api/admin/report-exports/{id}/download': {
    happy: async () => ({
      path: `/api/admin/report-exports/${await finishedExport()}/download`,
      init: withCookie(await admin()),
    }),
    errors: async () => {
      const missing = `/api/admin/report-exports/${newId('reportExport')}/download`;
      expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
    },
  },
  'GET /api/admin/audit': {
    happy: async () => ({ path: '/api/admin/audit?action=staff.roles', init: withCookie(await admin()) }),
  },
  ...catalogAdminScenarios(),
  ...orderAdminScenarios(),
  ...orderRefundScenarios(),
  ...shipmentScenarios(),
  ...warehouseScenarios(),
  ...returnScenarios(),
  ...postScenarios(),
  ...mediaScenarios(),
  'GET /api/admin/products/export.csv': {
    happy: async () => ({ path: '/api/admin/products/export.csv', init: withCookie(await admin()) }),
    errors: async (path) => {
      expect((await call('GET', path)).status).toBe(401);
    },
  },
  'POST /api/admin/products/import': {
    happy: async () => ({
      path: '/api/admin/products/import',
      init: withCookie(await admin(), csv(productCsv(`contract-${Date.now().toString(36)}`))),
    }),
    errors: async (path) => {
      const cookie = await admin();
      const bad = await call(
        'POST',
        path,
        withCookie(cookie, csv('handle,sku,price\r\nBad Handle,X,-1\r\n')),
      );
      expect(bad.status).toBe(422);
      const content = await loginCookie('staff', await createStaff(['content']));
      expect((await call('POST', path, withCookie(content, csv(productCsv('contract-denied'))))).status).toBe(
        403,
      );
    },
  },
  'GET /api/admin/imports/{importId}': {
    happy: async () => {
      const cookie = await admin();
      const made = await call(
        'POST',
        '/api/admin/products/import',
        withCookie(cookie, csv(productCsv('contract-polled'))),
      );
      return { path: `/api/admin/imports/${(made.body as { id: string }).id}`, init: withCookie(cookie) };
    },
    errors: async () => {
      const missing = `/api/admin/imports/${newId('import')}`;
      expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
    },
  },
};

let catalogCounter = 0;
/** A product body the admin API accepts, with a fresh slug and SKUs. */
function productBody(overrides: Record<string, unknown> = {}) {
  const k = `${Date.now().toString(36)}${++catalogCounter}`;
  return {
    name: `Contract Tee ${k}`,
    slug: `contract-tee-${k}`,
    categoryId: data.categories[0]!.id,
    options: [{ name: 'Size', values: ['S', 'M'] }],
    variants: [
      { options: { Size: 'S' }, sku: `CT-${k}-S`, price: 1500, compareAt: 2000, barcode: '0123456789012' },
      { options: { Size: 'M' }, sku: `CT-${k}-M`, price: 1600 },
    ],
    ...overrides,
  };
}

/** A product created through the admin API. */
async function adminProduct(): Promise<{
  id: string;
  slug: string;
  variants: { id: string; sku: string }[];
}> {
  const res = await call('POST', '/api/admin/products', withCookie(await admin(), json(productBody())));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; variants: { id: string; sku: string }[] };
}

async function adminCategory(parentId: string | null = null): Promise<string> {
  const body = {
    name: 'Contract category',
    slug: `contract-cat-${++catalogCounter}-${Date.now().toString(36)}`,
    parentId,
  };
  const res = await call('POST', '/api/admin/categories', withCookie(await admin(), json(body)));
  return (res.body as { id: string }).id;
}

async function adminCollection(): Promise<string> {
  const body = {
    name: 'Contract collection',
    slug: `contract-col-${++catalogCounter}-${Date.now().toString(36)}`,
  };
  const res = await call('POST', '/api/admin/collections', withCookie(await admin(), json(body)));
  return (res.body as { id: string }).id;
}

let promotionCounter = 0;
/** A new code promotion (10% off the order) with one code, as the administrator creates it. */
async function adminPromotionWithCode(): Promise<{ id: string; code: string }> {
  const code = `CONTRACT${++promotionCounter}${Date.now().toString(36).toUpperCase()}`;
  const body = {
    name: 'Contract promotion',
    trigger: { kind: 'code', codes: [code] },
    benefit: { kind: 'order_percentage', basisPoints: 1000 },
  };
  const res = await call('POST', '/api/admin/promotions', withCookie(await admin(), json(body)));
  return { id: (res.body as { id: string }).id, code };
}
const adminPromotion = async () => (await adminPromotionWithCode()).id;

/** A batch of three generated codes for a new promotion. */
async function adminCodeBatch(): Promise<{ promotionId: string; batchId: string }> {
  const promotionId = await adminPromotion();
  const res = await call(
    'POST',
    `/api/admin/promotions/${promotionId}/code-batches`,
    withCookie(await admin(), json({ quantity: 3 })),
  );
  return { promotionId, batchId: (res.body as { id: string }).id };
}

async function adminBanner(): Promise<string> {
  const body = { placement: 'announcement', title: 'Contract banner', startsAt: Date.now() + 86_400_000 };
  const res = await call('POST', '/api/admin/banners', withCookie(await admin(), json(body)));
  return (res.body as { id: string }).id;
}

/** A sale body for a future window of its own (sales on the same product at the same time are refused). */
let saleWindows = 0;
function saleBody(): Record<string, unknown> {
  const startsAt = Date.now() + (400 + 10 * ++saleWindows) * 86_400_000;
  return {
    name: `Contract sale ${saleWindows}`,
    basisPoints: 1500,
    productIds: [data.products[5]!.id],
    startsAt,
    endsAt: startsAt + 86_400_000,
  };
}

async function adminSale(): Promise<string> {
  const res = await call('POST', '/api/admin/sales', withCookie(await admin(), json(saleBody())));
  return (res.body as { id: string }).id;
}

async function adminNavLink(): Promise<string> {
  const body = { menu: 'footer', label: 'Contract link', href: '/search' };
  const res = await call('POST', '/api/admin/nav-links', withCookie(await admin(), json(body)));
  return (res.body as { id: string }).id;
}

/** A multipart upload body with `bytes` as the file (declared as a JPEG, whatever it is). */
function imageForm(bytes: Uint8Array, alt: string): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'upload.jpg', { type: 'image/jpeg' }));
  form.set('alt', alt);
  return form;
}

/** A product with two uploaded images (ids in display order). */
async function productWithImages(): Promise<{ id: string; images: string[] }> {
  const { id } = await adminProduct();
  const cookie = await admin();
  const images: string[] = [];
  for (const bytes of [PNG_3X2, JPEG_16X16]) {
    const res = await call(
      'POST',
      `/api/admin/products/${id}/images`,
      withCookie(cookie, { body: imageForm(bytes, '') }),
    );
    images.push((res.body as { id: string }).id);
  }
  return { id, images };
}

function catalogAdminScenarios(): Record<string, Scenario> {
  return {
    'GET /api/admin/products': {
      happy: async () => ({
        path: '/api/admin/products?q=tee&status=draft',
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const cookie = await admin();
        expect((await call('GET', '/api/admin/products?status=gone', withCookie(cookie))).status).toBe(400);
        expect((await call('GET', '/api/admin/products?page=0', withCookie(cookie))).status).toBe(400);
        expect((await call('GET', '/api/admin/products')).status).toBe(401);
      },
    },
    'POST /api/admin/products': {
      happy: async () => ({
        path: '/api/admin/products',
        init: withCookie(await admin(), json(productBody())),
      }),
      errors: async (path) => {
        const cookie = await admin();
        const bad = productBody({ variants: [{ options: { Size: 'S' }, sku: 'X-1', price: -5 }] });
        expect((await call('POST', path, withCookie(cookie, json(bad)))).status).toBe(400);
        const existing = await adminProduct();
        const dup = await call('POST', path, withCookie(cookie, json(productBody({ slug: existing.slug }))));
        expect(dup.status).toBe(409);
        const content = await loginCookie('staff', await createStaff(['content']));
        expect((await call('POST', path, withCookie(content, json(productBody())))).status).toBe(403);
      },
    },
    'GET /api/admin/products/{productId}': {
      happy: async () => ({
        path: `/api/admin/products/${(await adminProduct()).id}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = `/api/admin/products/${newId('product')}`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
        expect((await call('GET', '/api/admin/products/nope', withCookie(await admin()))).status).toBe(400);
      },
    },
    'PUT /api/admin/products/{productId}': {
      happy: async () => {
        const p = await adminProduct();
        const body = productBody({ slug: p.slug, status: 'active' });
        body.variants = body.variants.map((v, i) => ({ ...v, sku: p.variants[i]!.sku }));
        return { path: `/api/admin/products/${p.id}`, init: withCookie(await admin(), json(body)) };
      },
      errors: async (path) => {
        const cookie = await admin();
        expect((await call('PUT', path, withCookie(cookie, json({ name: 'only a name' })))).status).toBe(400);
        const other = await adminProduct();
        const clash = await call('PUT', path, withCookie(cookie, json(productBody({ slug: other.slug }))));
        expect(clash.status).toBe(409);
      },
    },
    'POST /api/admin/products/bulk': {
      happy: async () => ({
        path: '/api/admin/products/bulk',
        init: withCookie(await admin(), json({ action: 'archive', ids: [(await adminProduct()).id] })),
      }),
      errors: async (path) => {
        const cookie = await admin();
        expect(
          (await call('POST', path, withCookie(cookie, json({ action: 'archive', ids: [] })))).status,
        ).toBe(400);
        const noCategory = json({ action: 'setCategory', ids: [(await adminProduct()).id] });
        expect((await call('POST', path, withCookie(cookie, noCategory))).status).toBe(400);
      },
    },
    'GET /api/admin/categories': {
      happy: async () => ({ path: '/api/admin/categories', init: withCookie(await admin()) }),
    },
    'POST /api/admin/categories': {
      happy: async () => ({
        path: '/api/admin/categories',
        init: withCookie(
          await admin(),
          json({ name: 'New', slug: `contract-new-${Date.now().toString(36)}` }),
        ),
      }),
      errors: async (path) => {
        const dup = json({ name: 'Dup', slug: data.categories[0]!.slug });
        expect((await call('POST', path, withCookie(await admin(), dup))).status).toBe(409);
      },
    },
    'PUT /api/admin/categories/{categoryId}': {
      happy: async () => {
        const id = await adminCategory();
        const body = {
          name: 'Renamed',
          slug: `contract-renamed-${Date.now().toString(36)}`,
          parentId: data.categories[0]!.id,
        };
        return { path: `/api/admin/categories/${id}`, init: withCookie(await admin(), json(body)) };
      },
      errors: async () => {
        const parent = await adminCategory();
        const child = await adminCategory(parent);
        const loop = json({
          name: 'Loop',
          slug: `contract-loop-${Date.now().toString(36)}`,
          parentId: child,
        });
        expect(
          (await call('PUT', `/api/admin/categories/${parent}`, withCookie(await admin(), loop))).status,
        ).toBe(409);
        const missing = `/api/admin/categories/${newId('category')}`;
        expect((await call('PUT', missing, withCookie(await admin(), loop))).status).toBe(404);
      },
    },
    'DELETE /api/admin/categories/{categoryId}': {
      happy: async () => ({
        path: `/api/admin/categories/${await adminCategory()}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const used = `/api/admin/categories/${data.categories[0]!.id}`;
        expect((await call('DELETE', used, withCookie(await admin()))).status).toBe(409);
      },
    },
    'GET /api/admin/collections': {
      happy: async () => ({ path: '/api/admin/collections', init: withCookie(await admin()) }),
    },
    'GET /api/admin/collections/{collectionId}': {
      happy: async () => ({
        path: `/api/admin/collections/${await adminCollection()}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = `/api/admin/collections/${newId('collection')}`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'POST /api/admin/collections': {
      happy: async () => ({
        path: '/api/admin/collections',
        init: withCookie(
          await admin(),
          json({ name: 'Gifts', slug: `contract-gifts-${Date.now().toString(36)}`, featured: true }),
        ),
      }),
    },
    'PUT /api/admin/collections/{collectionId}': {
      happy: async () => ({
        path: `/api/admin/collections/${await adminCollection()}`,
        init: withCookie(
          await admin(),
          json({ name: 'Renamed', slug: `contract-col-renamed-${Date.now().toString(36)}` }),
        ),
      }),
      errors: async () => {
        const missing = `/api/admin/collections/${newId('collection')}`;
        expect(
          (await call('PUT', missing, withCookie(await admin(), json({ name: 'X', slug: 'x' })))).status,
        ).toBe(404);
      },
    },
    'DELETE /api/admin/collections/{collectionId}': {
      happy: async () => ({
        path: `/api/admin/collections/${await adminCollection()}`,
        init: withCookie(await admin()),
      }),
    },
    'GET /api/admin/promotions': {
      happy: async () => ({ path: '/api/admin/promotions', init: withCookie(await admin()) }),
    },
    'POST /api/admin/promotions': {
      happy: async () => ({
        path: '/api/admin/promotions',
        init: withCookie(
          await admin(),
          json({
            name: 'Everything 5% off',
            trigger: { kind: 'automatic' },
            benefit: { kind: 'order_percentage', basisPoints: 500 },
          }),
        ),
      }),
      errors: async () => {
        const over = {
          name: 'X',
          trigger: { kind: 'automatic' },
          benefit: { kind: 'order_percentage', basisPoints: 10_001 },
        };
        expect(
          (await call('POST', '/api/admin/promotions', withCookie(await admin(), json(over)))).status,
        ).toBe(400);
      },
    },
    'GET /api/admin/promotions/{promotionId}': {
      happy: async () => ({
        path: `/api/admin/promotions/${await adminPromotion()}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = `/api/admin/promotions/${newId('promotion')}`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'PUT /api/admin/promotions/{promotionId}': {
      happy: async () => ({
        path: `/api/admin/promotions/${await adminPromotion()}`,
        init: withCookie(
          await admin(),
          json({ name: 'Renamed', trigger: { kind: 'automatic' }, benefit: { kind: 'free_shipping' } }),
        ),
      }),
      errors: async () => {
        const missing = `/api/admin/promotions/${newId('promotion')}`;
        const body = { name: 'X', trigger: { kind: 'automatic' }, benefit: { kind: 'free_shipping' } };
        expect((await call('PUT', missing, withCookie(await admin(), json(body)))).status).toBe(404);
      },
    },
    'GET /api/admin/promotions/{promotionId}/code-batches': {
      happy: async () => ({
        path: `/api/admin/promotions/${(await adminCodeBatch()).promotionId}/code-batches`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = `/api/admin/promotions/${newId('promotion')}/code-batches`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'POST /api/admin/promotions/{promotionId}/code-batches': {
      happy: async () => ({
        path: `/api/admin/promotions/${await adminPromotion()}/code-batches`,
        init: withCookie(await admin(), json({ quantity: 5, prefix: 'gift' })),
      }),
      errors: async () => {
        const missing = `/api/admin/promotions/${newId('promotion')}/code-batches`;
        expect((await call('POST', missing, withCookie(await admin(), json({ quantity: 1 })))).status).toBe(
          404,
        );
      },
    },
    'GET /api/admin/promotions/{promotionId}/code-batches/{batchId}/codes.csv': {
      happy: async () => {
        const { promotionId, batchId } = await adminCodeBatch();
        return {
          path: `/api/admin/promotions/${promotionId}/code-batches/${batchId}/codes.csv`,
          init: withCookie(await admin()),
        };
      },
      errors: async () => {
        const missing = `/api/admin/promotions/${await adminPromotion()}/code-batches/${newId('codeBatch')}/codes.csv`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'POST /api/admin/promotions/{promotionId}/code-batches/{batchId}/deactivate': {
      happy: async () => {
        const { promotionId, batchId } = await adminCodeBatch();
        return {
          path: `/api/admin/promotions/${promotionId}/code-batches/${batchId}/deactivate`,
          init: withCookie(await admin(), { method: 'POST' }),
        };
      },
    },
    'GET /api/admin/banners': {
      happy: async () => ({ path: '/api/admin/banners', init: withCookie(await admin()) }),
    },
    'GET /api/admin/banners/{bannerId}': {
      happy: async () => ({
        path: `/api/admin/banners/${await adminBanner()}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = `/api/admin/banners/${newId('banner')}`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'POST /api/admin/banners': {
      happy: async () => ({
        path: '/api/admin/banners',
        init: withCookie(
          await admin(),
          json({ placement: 'home-promo', title: 'Contract offer', linkUrl: '/search' }),
        ),
      }),
      errors: async (path) => {
        const inverted = json({ placement: 'announcement', title: 'X', startsAt: 2, endsAt: 1 });
        expect((await call('POST', path, withCookie(await admin(), inverted))).status).toBe(400);
      },
    },
    'PUT /api/admin/banners/{bannerId}': {
      happy: async () => ({
        path: `/api/admin/banners/${await adminBanner()}`,
        init: withCookie(await admin(), json({ placement: 'announcement', title: 'Renamed', priority: 2 })),
      }),
      errors: async () => {
        const missing = `/api/admin/banners/${newId('banner')}`;
        const body = json({ placement: 'announcement', title: 'X' });
        expect((await call('PUT', missing, withCookie(await admin(), body))).status).toBe(404);
      },
    },
    'DELETE /api/admin/banners/{bannerId}': {
      happy: async () => ({
        path: `/api/admin/banners/${await adminBanner()}`,
        init: withCookie(await admin()),
      }),
    },
    'GET /api/admin/sales': {
      happy: async () => ({ path: '/api/admin/sales', init: withCookie(await admin()) }),
    },
    'GET /api/admin/sales/{saleId}': {
      happy: async () => ({ path: `/api/admin/sales/${await adminSale()}`, init: withCookie(await admin()) }),
      errors: async () => {
        const missing = `/api/admin/sales/${newId('sale')}`;
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'POST /api/admin/sales': {
      happy: async () => ({ path: '/api/admin/sales', init: withCookie(await admin(), json(saleBody())) }),
      errors: async (path) => {
        const inverted = json({ ...saleBody(), endsAt: 1 });
        expect((await call('POST', path, withCookie(await admin(), inverted))).status).toBe(400);
        const body = saleBody();
        expect((await call('POST', path, withCookie(await admin(), json(body)))).status).toBe(201);
        expect((await call('POST', path, withCookie(await admin(), json(body)))).status).toBe(409);
      },
    },
    'PATCH /api/admin/sales/{saleId}': {
      happy: async () => ({
        path: `/api/admin/sales/${await adminSale()}`,
        init: withCookie(await admin(), { ...json({ active: false }), method: 'PATCH' }),
      }),
      errors: async () => {
        const missing = `/api/admin/sales/${newId('sale')}`;
        const init = withCookie(await admin(), { ...json({ active: false }), method: 'PATCH' });
        expect((await call('PATCH', missing, init)).status).toBe(404);
      },
    },
    'DELETE /api/admin/sales/{saleId}': {
      happy: async () => ({ path: `/api/admin/sales/${await adminSale()}`, init: withCookie(await admin()) }),
    },
    'GET /api/admin/nav-links': {
      happy: async () => ({ path: '/api/admin/nav-links', init: withCookie(await admin()) }),
    },
    'POST /api/admin/nav-links': {
      happy: async () => ({
        path: '/api/admin/nav-links',
        init: withCookie(await admin(), json({ menu: 'header', label: 'Contract', href: '/search' })),
      }),
    },
    'PUT /api/admin/nav-links/{linkId}': {
      happy: async () => ({
        path: `/api/admin/nav-links/${await adminNavLink()}`,
        init: withCookie(
          await admin(),
          json({ menu: 'footer', label: 'Renamed', href: 'https://help.example' }),
        ),
      }),
      errors: async () => {
        const missing = `/api/admin/nav-links/${newId('navLink')}`;
        const body = json({ menu: 'footer', label: 'X', href: '/x' });
        expect((await call('PUT', missing, withCookie(await admin(), body))).status).toBe(404);
      },
    },
    'POST /api/admin/nav-links/{linkId}/move': {
      happy: async () => ({
        path: `/api/admin/nav-links/${await adminNavLink()}/move`,
        init: withCookie(await admin(), json({ direction: 'up' })),
      }),
      errors: async () => {
        const missing = `/api/admin/nav-links/${newId('navLink')}/move`;
        expect(
          (await call('POST', missing, withCookie(await admin(), json({ direction: 'up' })))).status,
        ).toBe(404);
      },
    },
    'DELETE /api/admin/nav-links/{linkId}': {
      happy: async () => ({
        path: `/api/admin/nav-links/${await adminNavLink()}`,
        init: withCookie(await admin()),
      }),
    },
    'POST /api/admin/products/{productId}/images': {
      happy: async () => ({
        path: `/api/admin/products/${(await adminProduct()).id}/images`,
        init: withCookie(await admin(), { body: imageForm(PNG_3X2, 'Front') }),
      }),
      errors: async (path) => {
        const cookie = await admin();
        const text = new TextEncoder().encode('plain words, not a picture at all');
        expect((await call('POST', path, withCookie(cookie, { body: imageForm(text, '') }))).status).toBe(
          422,
        );
        const big = new Uint8Array(5 * 1024 * 1024 + 10);
        expect((await call('POST', path, withCookie(cookie, { body: imageForm(big, '') }))).status).toBe(413);
        const missing = `/api/admin/products/${newId('product')}/images`;
        expect(
          (await call('POST', missing, withCookie(cookie, { body: imageForm(PNG_3X2, '') }))).status,
        ).toBe(404);
      },
    },
    'PUT /api/admin/products/{productId}/images/order': {
      happy: async () => {
        const { id, images } = await productWithImages();
        return {
          path: `/api/admin/products/${id}/images/order`,
          init: withCookie(await admin(), json({ imageIds: [...images].reverse() })),
        };
      },
      errors: async (path) => {
        expect((await call('PUT', path, withCookie(await admin(), json({ imageIds: [] })))).status).toBe(400);
      },
    },
    'PATCH /api/admin/products/{productId}/images/{imageId}': {
      happy: async () => {
        const { id, images } = await productWithImages();
        return {
          path: `/api/admin/products/${id}/images/${images[0]}`,
          init: withCookie(await admin(), json({ alt: 'Back view' })),
        };
      },
      errors: async (path) => {
        const tooLong = json({ alt: 'x'.repeat(301) });
        expect((await call('PATCH', path, withCookie(await admin(), tooLong))).status).toBe(400);
      },
    },
    'DELETE /api/admin/products/{productId}/images/{imageId}': {
      happy: async () => {
        const { id, images } = await productWithImages();
        return { path: `/api/admin/products/${id}/images/${images[1]}`, init: withCookie(await admin()) };
      },
    },
    'POST /api/admin/inventory/{sku}/adjustments': {
      happy: async () => ({
        path: `/api/admin/inventory/${stocked(1)}/adjustments`,
        init: withCookie(await admin(), json({ delta: 3, reason: 'restock', note: 'PO 77' })),
      }),
      errors: async (path) => {
        const cookie = await admin();
        expect(
          (await call('POST', path, withCookie(cookie, json({ delta: -10_000_000, reason: 'restock' }))))
            .status,
        ).toBe(400);
        expect(
          (await call('POST', path, withCookie(cookie, json({ delta: -999_999, reason: 'adjustment' }))))
            .status,
        ).toBe(409);
        const unknown = '/api/admin/inventory/NO-SUCH-SKU/adjustments';
        expect(
          (await call('POST', unknown, withCookie(cookie, json({ setTo: 1, reason: 'correction' })))).status,
        ).toBe(404);
      },
    },
    'GET /api/admin/inventory/{sku}/movements': {
      happy: async () => ({
        path: `/api/admin/inventory/${stocked(1)}/movements`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const missing = '/api/admin/inventory/NO-SUCH-SKU/movements';
        expect((await call('GET', missing, withCookie(await admin()))).status).toBe(404);
      },
    },
    'PUT /api/admin/collections/{collectionId}/products': {
      happy: async () => ({
        path: `/api/admin/collections/${await adminCollection()}/products`,
        init: withCookie(await admin(), json({ productIds: [data.products[0]!.id, data.products[1]!.id] })),
      }),
      errors: async (path) => {
        const unknown = json({ productIds: [newId('product')] });
        expect((await call('PUT', path, withCookie(await admin(), unknown))).status).toBe(400);
      },
    },
  };
}

/** A value that breaks a string parameter's schema (too long, or outside its pattern). */
function invalidValue(schema: Schema | undefined): string | undefined {
  if (typeof schema?.maxLength === 'number') return 'x'.repeat(schema.maxLength + 1);
  if (typeof schema?.pattern === 'string') return '~~~';
  return undefined;
}

beforeAll(async () => {
  data = await seedSmallStore();
  const res = await SELF.fetch('http://shop.test/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Document;
  ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // OpenAPI's own keywords, so strict mode accepts the document as the home of its schemas.
  ajv.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components']);
  ajv.addVocabulary(['security', 'tags', 'externalDocs', 'example', 'discriminator', 'xml']);
  ajv.addSchema({ ...doc, $id: DOC_ID }, undefined, undefined, false);
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and every operation in it has requests below', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const keys = operations().map((o) => o.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(
      keys.filter((k) => !scenarios[k]),
      'operations without requests in this test',
    ).toEqual([]);
  });
});

describe('every operation answers only what the document says', () => {
  it.each(Object.keys(scenarios))(
    '%s',
    async (key) => {
      const found = operations().find((o) => o.key === key);
      expect(found, `${key} is not in the document any more`).toBeDefined();
      const { method, op } = found!;
      const M = method.toUpperCase();
      const scenario = scenarios[key]!;

      // The happy path.
      const { path, init } = await scenario.happy();
      const ok = await call(M, path, init);
      expect(ok.status, `${key} happy path`).toBeLessThan(300);

      // Conditional GET: an ETag the client sends back makes a 304.
      const etag = ok.headers.get('ETag');
      if (method === 'get' && etag) {
        expect((await call(M, path, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      }

      // Every parameter the document constrains, broken.
      for (const param of op.parameters ?? []) {
        const bad = invalidValue(param.schema);
        if (bad === undefined) continue;
        const url = new URL(path, 'http://shop.test');
        if (param.in === 'path') {
          const template = found!.path.split('/');
          const actual = url.pathname.split('/');
          actual[template.indexOf(`{${param.name}}`)] = encodeURIComponent(bad);
          url.pathname = actual.join('/');
        } else if (param.in === 'query') {
          url.searchParams.set(param.name, bad);
        } else continue;
        const res = await call(M, url.pathname + url.search, init);
        expect(res.status, `${key} with a bad ${param.in} parameter ${param.name}`).toBeGreaterThanOrEqual(
          400,
        );
      }
      if (op.parameters?.some((p) => p.in === 'query')) {
        const sep = path.includes('?') ? '&' : '?';
        expect((await call(M, `${path}${sep}no_such_parameter=1`, { headers: headersOf(init) })).status).toBe(
          400,
        );
      }

      // What the /api middleware does to every write: media type, size, Idempotency-Key, rate limit.
      if (WRITE_METHODS.has(method)) {
        // Upload routes (CSV import, images) take multipart (both do) and a larger size.
        const upload = op.requestBody && !op.requestBody.content['application/json'];
        const textBody = { headers: { 'Content-Type': 'text/plain' }, body: 'hello' };
        // As the operation's own caller: a staff route answers an anonymous caller 401 before looking at the body.
        expect((await call(M, path, withCookie(cookieOf(init), textBody))).status).toBe(415);
        const tooLarge = withCookie(
          cookieOf(init),
          upload ? { body: imageForm(new Uint8Array(21 * 1024 * 1024), '') } : json(TOO_LARGE_BODY),
        );
        expect((await call(M, path, tooLarge)).status).toBe(413);
        expect(
          (await call(M, path, { ...init, headers: { ...headersOf(init), 'Idempotency-Key': '!' } })).status,
        ).toBe(400);
        // Keys are scoped by caller, so the reuse comes from the same client.
        const key = `contract-${crypto.randomUUID()}`;
        const client = newIp();
        const keyed = { ...init, ip: client, headers: { ...headersOf(init), 'Idempotency-Key': key } };
        const first = await call(M, path, keyed);
        if (first.status < 300) {
          // …and as the same signed-in principal (keys are scoped by principal too), so it carries the same cookie.
          const cookie = new Headers(init?.headers).get('Cookie');
          const headers = { 'Idempotency-Key': key, ...(cookie ? { Cookie: cookie } : {}) };
          const other = {
            ...(upload
              ? { headers, body: imageForm(new TextEncoder().encode('different'), 'different') }
              : json({ different: true }, headers)),
            ip: client,
          };
          expect((await call(M, path, other)).status).toBe(422);
        }
        const ip = newIp();
        // Spend the client's write budget with cheap refusals (the limiter runs first), then ask for real.
        for (let i = 0; i < MAX_WRITES_TO_LIMIT; i++) {
          if ((await call(M, path, { ...textBody, ip })).status === 429) break;
        }
        // Webhooks are judged by their signature, never refused for volume (worker/middleware/rate-limit.ts).
        const limited = (await call(M, path, { ...init, ip })).status === 429;
        expect(limited, `${found!.key} rate limited`).toBe(!RATE_LIMIT_EXEMPT.has(found!.key));
      }

      await scenario.errors?.(path);
    },
    30_000,
  ); // the CSV import's generic checks send a 21 MB body
});

function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

describe('what is not an operation', () => {
  it('unknown API paths and methods answer a Problem as the document defines it', async () => {
    const problem = ajv.getSchema(pointer('components', 'schemas', 'Problem'));
    for (const [method, path] of [
      ['GET', '/api/no-such-endpoint'],
      ['DELETE', '/api/products'],
      ['PATCH', '/api/carts'],
    ] as const) {
      const res = await SELF.fetch(`http://shop.test${path}`, { method });
      expect([404, 405]).toContain(res.status);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      const body = await res.json();
      expect(problem!(body) ? [] : problem!.errors).toEqual([]);
    }
  });
});

describe('coverage', () => {
  it('every operation was called: a success, and a client error wherever the client can send something wrong', () => {
    for (const { key, method, op } of operations()) {
      const statuses = [...(seen.get(key) ?? [])];
      expect(
        statuses.some((s) => s < 300),
        `${key}: no success seen`,
      ).toBe(true);
      if (WRITE_METHODS.has(method) || op.parameters?.length || op.requestBody) {
        expect(
          statuses.some((s) => s >= 400 && s < 500),
          `${key}: no client error seen`,
        ).toBe(true);
      }
    }
  });
});

/** An order in `status`, inserted directly; its id. */
async function adminOrder(status: string): Promise<string> {
  const id = newId('order');
  const now = Date.now();
  await createDb(env)
    .insert(orders)
    .values({
      id,
      number: String(95_000 + ++orderCounter),
      email: 'orders@example.com',
      status,
      currency: 'USD',
      subtotalAmount: 1000,
      totalAmount: 1000,
      shippingAddress: JSON.stringify(ADDRESS),
      shippingMethod: 'standard',
      placedAt: now,
      updatedAt: now,
    });
  return id;
}

/** The back office's orders: reading needs orders:read (warehouse has it), writing orders:write (admins only). */
function orderAdminScenarios(): Record<string, Scenario> {
  const missing = () => `/api/admin/orders/${newId('order')}`;
  return {
    'GET /api/admin/orders': {
      happy: async () => ({
        path: '/api/admin/orders?status=pending&from=2026-01-01&to=2026-12-31&q=orders%40',
        init: withCookie(await admin()),
      }),
      errors: async (path) => {
        expect((await call('GET', path)).status).toBe(401);
        const content = await loginCookie('staff', await createStaff(['content']));
        expect((await call('GET', path, withCookie(content))).status).toBe(403);
        expect((await call('GET', '/api/admin/orders?status=lost', withCookie(await admin()))).status).toBe(
          400,
        );
      },
    },
    'GET /api/admin/orders/{orderId}': {
      happy: async () => {
        const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
        return { path: `/api/admin/orders/${await adminOrder('shipped')}`, init: withCookie(warehouse) };
      },
      errors: async () => {
        expect((await call('GET', missing(), withCookie(await admin()))).status).toBe(404);
        expect((await call('GET', '/api/admin/orders/nope', withCookie(await admin()))).status).toBe(400);
      },
    },
    'POST /api/admin/orders/{orderId}/status': {
      happy: async () => ({
        path: `/api/admin/orders/${await adminOrder('pending')}/status`,
        init: withCookie(await admin(), json({ event: 'start_processing', note: 'Packing' })),
      }),
      errors: async () => {
        const path = `/api/admin/orders/${await adminOrder('pending')}/status`;
        const cookie = await admin();
        expect((await call('POST', path, withCookie(cookie, json({ event: 'deliver' })))).status).toBe(409);
        expect((await call('POST', path, withCookie(cookie, json({ event: 'cancel' })))).status).toBe(400);
        const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
        expect((await call('POST', path, withCookie(cookie, json({ event: 'ship' })))).status).toBe(400);
        expect(
          (await call('POST', path, withCookie(warehouse, json({ event: 'start_processing' })))).status,
        ).toBe(403);
        expect(
          (await call('POST', `${missing()}/status`, withCookie(cookie, json({ event: 'start_processing' }))))
            .status,
        ).toBe(404);
      },
    },
    'POST /api/admin/orders/{orderId}/notes': {
      happy: async () => ({
        path: `/api/admin/orders/${await adminOrder('pending')}/notes`,
        init: withCookie(await admin(), json({ note: 'Customer called' })),
      }),
      errors: async (path) => {
        expect((await call('POST', path, withCookie(await admin(), json({ note: '' })))).status).toBe(400);
      },
    },
    'PUT /api/admin/orders/{orderId}/shipping-address': {
      happy: async () => ({
        path: `/api/admin/orders/${await adminOrder('processing')}/shipping-address`,
        init: withCookie(await admin(), json({ address: ADDRESS })),
      }),
      errors: async () => {
        const shipped = `/api/admin/orders/${await adminOrder('shipped')}/shipping-address`;
        expect(
          (await call('PUT', shipped, withCookie(await admin(), json({ address: ADDRESS })))).status,
        ).toBe(409);
      },
    },
    'POST /api/admin/orders/{orderId}/resend-confirmation': {
      happy: async () => {
        const checkoutId = await checkoutUpTo('payment');
        const placed = await call(
          'POST',
          `/api/checkouts/${checkoutId}/orders`,
          json({ provider: 'test', paymentToken: 'success' }, { 'Idempotency-Key': newId('request') }),
        );
        expect(placed.status).toBe(201);
        const row = await env.DB.prepare('SELECT id FROM orders WHERE checkout_id = ?')
          .bind(checkoutId)
          .first<{ id: string }>();
        return { path: `/api/admin/orders/${row!.id}/resend-confirmation`, init: withCookie(await admin()) };
      },
      errors: async () => {
        // An order that did not come through checkout has no confirmation link to send.
        const path = `/api/admin/orders/${await adminOrder('pending')}/resend-confirmation`;
        expect((await call('POST', path, withCookie(await admin()))).status).toBe(409);
      },
    },
  };
}

/** Cancelling and refunding (orders:write): a refund needs a captured payment, so its order comes through checkout. */
function orderRefundScenarios(): Record<string, Scenario> {
  return {
    'POST /api/admin/orders/{orderId}/cancel': {
      happy: async () => ({
        path: `/api/admin/orders/${await adminOrder('pending')}/cancel`,
        init: withCookie(await admin(), json({ reason: 'Customer asked', restock: false })),
      }),
      errors: async () => {
        const path = `/api/admin/orders/${await adminOrder('shipped')}/cancel`;
        expect(
          (await call('POST', path, withCookie(await admin(), json({ reason: 'Late', restock: false }))))
            .status,
        ).toBe(409);
        expect((await call('POST', path, withCookie(await admin(), json({ reason: '' })))).status).toBe(400);
      },
    },
    'POST /api/admin/orders/{orderId}/refunds': {
      happy: async () => {
        const checkoutId = await checkoutUpTo('payment');
        const placed = await call(
          'POST',
          `/api/checkouts/${checkoutId}/orders`,
          json({ provider: 'test', paymentToken: 'success' }, { 'Idempotency-Key': newId('request') }),
        );
        expect(placed.status).toBe(201);
        const row = await env.DB.prepare(
          "UPDATE orders SET status = 'delivered' WHERE checkout_id = ? RETURNING id",
        )
          .bind(checkoutId)
          .first<{ id: string }>();
        return {
          path: `/api/admin/orders/${row!.id}/refunds`,
          init: withCookie(await admin(), json({ amount: 100, restock: false })),
        };
      },
      errors: async (path) => {
        const over = await call(
          'POST',
          path,
          withCookie(await admin(), json({ amount: 10_000_000, restock: false })),
        );
        expect(over.status).toBe(409);
        expect((await call('POST', path, withCookie(await admin(), json({ restock: false })))).status).toBe(
          400,
        );
      },
    },
  };
}

/** A pending order of one line of 3 units, inserted directly; its id and the line's id. */
async function shippableOrder(): Promise<{ id: string; lineId: string }> {
  const id = await adminOrder('pending');
  const lineId = newId('orderLine');
  await createDb(env).insert(orderLines).values({
    id: lineId,
    orderId: id,
    sku: 'SHIP-1',
    productName: 'Parcel test',
    quantity: 3,
    unitAmount: 1000,
    lineTotalAmount: 3000,
  });
  return { id, lineId };
}

/** Shipments: shipping needs fulfilment:write (warehouse, admins), reading the parcels orders:read. */
function shipmentScenarios(): Record<string, Scenario> {
  const parcel = (lineId: string, quantity = 1) => ({
    carrier: 'dhl',
    trackingNumber: 'JD014600006281230',
    lines: [{ orderLineId: lineId, quantity }],
  });
  return {
    'POST /api/admin/orders/{orderId}/shipments': {
      happy: async () => {
        const { id, lineId } = await shippableOrder();
        const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
        return {
          path: `/api/admin/orders/${id}/shipments`,
          init: withCookie(warehouse, json(parcel(lineId), { 'Idempotency-Key': newId('request') })),
        };
      },
      errors: async () => {
        const { id, lineId } = await shippableOrder();
        const path = `/api/admin/orders/${id}/shipments`;
        const cookie = await admin();
        expect((await call('POST', path, withCookie(cookie, json(parcel(lineId, 4))))).status).toBe(409);
        expect(
          (await call('POST', path, withCookie(cookie, json({ ...parcel(lineId), carrier: 'x' })))).status,
        ).toBe(400);
        const content = await loginCookie('staff', await createStaff(['content']));
        expect((await call('POST', path, withCookie(content, json(parcel(lineId))))).status).toBe(403);
        const missing = `/api/admin/orders/${newId('order')}/shipments`;
        expect((await call('POST', missing, withCookie(cookie, json(parcel(lineId))))).status).toBe(404);
      },
    },
    'GET /api/admin/orders/{orderId}/shipments': {
      happy: async () => {
        const { id, lineId } = await shippableOrder();
        const cookie = await admin();
        const path = `/api/admin/orders/${id}/shipments`;
        expect((await call('POST', path, withCookie(cookie, json(parcel(lineId, 3))))).status).toBe(201);
        return { path, init: withCookie(cookie) };
      },
      errors: async () => {
        const cookie = await admin();
        expect(
          (await call('GET', `/api/admin/orders/${newId('order')}/shipments`, withCookie(cookie))).status,
        ).toBe(404);
        expect((await call('GET', '/api/admin/orders/nope/shipments', withCookie(cookie))).status).toBe(400);
      },
    },
  };
}

/** The warehouse tablet's API: the queue needs fulfilment:read, the writes fulfilment:write and the order's version. */
function warehouseScenarios(): Record<string, Scenario> {
  const warehouse = async () => loginCookie('staff', await createStaff(['warehouse']));
  const key = () => ({ 'Idempotency-Key': newId('request') });
  const order = (id: string, action: string) => `/api/warehouse/orders/${id}/${action}`;
  const refusals = async (path: string, body: unknown) => {
    const cookie = await warehouse();
    expect(
      (await call('POST', path, withCookie(cookie, json({ ...(body as object), expectedVersion: 9 }))))
        .status,
    ).toBe(409);
    expect(
      (await call('POST', path, withCookie(cookie, json({ ...(body as object), extra: 1 })))).status,
    ).toBe(400);
    const content = await loginCookie('staff', await createStaff(['content']));
    expect((await call('POST', path, withCookie(content, json(body)))).status).toBe(403);
    const missing = path.replace(/ord_[^/]+/, newId('order'));
    expect((await call('POST', missing, withCookie(cookie, json(body)))).status).toBe(404);
  };
  return {
    'GET /api/warehouse/queue': {
      happy: async () => ({ path: '/api/warehouse/queue', init: withCookie(await warehouse()) }),
      errors: async (path) => {
        expect((await call('GET', path)).status).toBe(401);
        expect((await call('GET', `${path}?after=nope`, withCookie(await warehouse()))).status).toBe(400);
      },
    },
    'POST /api/warehouse/orders/{orderId}/picks': {
      happy: async () => {
        const { id, lineId } = await shippableOrder();
        return {
          path: order(id, 'picks'),
          init: withCookie(
            await warehouse(),
            json({ expectedVersion: 1, lines: [{ lineId, picked: 2 }] }, key()),
          ),
        };
      },
      errors: async (path) => {
        const { lineId } = await shippableOrder();
        await refusals(path, { expectedVersion: 2, lines: [{ lineId, picked: 1 }] });
      },
    },
    'POST /api/warehouse/orders/{orderId}/pack': {
      happy: async () => {
        const { id } = await shippableOrder();
        return {
          path: order(id, 'pack'),
          init: withCookie(await warehouse(), json({ expectedVersion: 1 }, key())),
        };
      },
      errors: async (path) => refusals(path, { expectedVersion: 2 }),
    },
    'POST /api/warehouse/orders/{orderId}/ship': {
      happy: async () => {
        const { id } = await shippableOrder();
        return {
          path: order(id, 'ship'),
          init: withCookie(
            await warehouse(),
            json({ expectedVersion: 1, carrier: 'dhl', trackingNumber: 'JD014600006281230' }, key()),
          ),
        };
      },
      errors: async () => {
        const { id } = await shippableOrder();
        const path = order(id, 'ship');
        await refusals(path, { expectedVersion: 1, carrier: 'other' });
        const cookie = await warehouse();
        const first = key();
        const body = { expectedVersion: 1, carrier: 'other' };
        expect((await call('POST', path, withCookie(cookie, json(body, first)))).status).toBe(201);
        // Another session replaying the same outbox entry: the first shipment, 200.
        expect((await call('POST', path, withCookie(await admin(), json(body, first)))).status).toBe(200);
      },
    },
    'PATCH /api/admin/inventory/{sku}': {
      happy: async () => ({
        path: `/api/admin/inventory/${data.inventory[0]!.sku}`,
        init: withCookie(await admin(), json({ binLocation: 'A-03-2' })),
      }),
      errors: async (path) => {
        const cookie = await admin();
        const patch = (body: unknown) => withCookie(cookie, json(body));
        expect((await call('PATCH', path, patch({ binLocation: 'A_1' }))).status).toBe(400);
        expect(
          (await call('PATCH', '/api/admin/inventory/NO-SUCH-SKU', patch({ binLocation: 'A' }))).status,
        ).toBe(404);
      },
    },
    'POST /api/warehouse/orders/{orderId}/notes': {
      happy: async () => {
        const { id } = await shippableOrder();
        return {
          path: order(id, 'notes'),
          init: withCookie(await warehouse(), json({ note: 'Checked with the supervisor' }, key())),
        };
      },
      errors: async (path) => {
        expect((await call('POST', path, withCookie(await warehouse(), json({ note: '' })))).status).toBe(
          400,
        );
      },
    },
  };
}

/** A shopper's order of 3 units, all shipped; its id, number, line and the shopper's cookie. */
async function returnableOrder() {
  const { id, lineId } = await shippableOrder();
  const { account, cookie } = await shopper();
  const shipped = await call(
    'POST',
    `/api/admin/orders/${id}/shipments`,
    withCookie(await admin(), json({ carrier: 'other', lines: [{ orderLineId: lineId, quantity: 3 }] })),
  );
  expect(shipped.status).toBe(201);
  const row = await env.DB.prepare('UPDATE orders SET customer_id = ? WHERE id = ? RETURNING number')
    .bind(account.id, id)
    .first<{ number: string }>();
  return { id, number: row!.number, lineId, cookie };
}

/** A return of 2 units of a returnableOrder, in `status` (approved through the API when asked). */
async function orderReturn(status: 'requested' | 'approved' = 'requested') {
  const o = await returnableOrder();
  const made = await call(
    'POST',
    `/api/account/orders/${o.number}/returns`,
    withCookie(o.cookie, json({ lines: [{ orderLineId: o.lineId, quantity: 2, reason: 'too_large' }] })),
  );
  expect(made.status).toBe(201);
  const returnId = (made.body as { id: string }).id;
  const cookie = await admin();
  if (status === 'approved')
    expect(
      (
        await call(
          'POST',
          `/api/admin/orders/${o.id}/returns/${returnId}/approve`,
          withCookie(cookie, json({})),
        )
      ).status,
    ).toBe(200);
  return { ...o, returnId, staff: cookie };
}

/** Returns: shoppers request them on their own orders; staff with returns:read/returns:write decide and receive. */
function returnScenarios(): Record<string, Scenario> {
  const receipt = (lineId: string, restocked = 1) => ({
    lines: [{ orderLineId: lineId, restocked, damaged: 1, missing: 0 }],
  });
  return {
    'GET /api/account/orders/{number}/returns': {
      happy: async () => {
        const o = await orderReturn();
        return { path: `/api/account/orders/${o.number}/returns`, init: withCookie(o.cookie) };
      },
      errors: async (path) => {
        const { cookie } = await shopper();
        expect((await call('GET', path, withCookie(cookie))).status).toBe(404);
        expect((await call('GET', path)).status).toBe(401);
      },
    },
    'POST /api/account/orders/{number}/returns': {
      happy: async () => {
        const o = await returnableOrder();
        return {
          path: `/api/account/orders/${o.number}/returns`,
          init: withCookie(
            o.cookie,
            json(
              { lines: [{ orderLineId: o.lineId, quantity: 1, reason: 'other', note: 'Gift' }] },
              { 'Idempotency-Key': newId('request') },
            ),
          ),
        };
      },
      errors: async () => {
        const o = await returnableOrder();
        const path = `/api/account/orders/${o.number}/returns`;
        const line = { orderLineId: o.lineId, quantity: 4, reason: 'too_small' };
        expect((await call('POST', path, withCookie(o.cookie, json({ lines: [line] })))).status).toBe(409);
        expect(
          (
            await call(
              'POST',
              path,
              withCookie(o.cookie, json({ lines: [{ ...line, quantity: 1, reason: 'other' }] })),
            )
          ).status,
        ).toBe(400);
        const { cookie } = await shopper();
        expect(
          (await call('POST', path, withCookie(cookie, json({ lines: [{ ...line, quantity: 1 }] })))).status,
        ).toBe(404);
      },
    },
    'GET /api/admin/orders/{orderId}/returns': {
      happy: async () => {
        const o = await orderReturn();
        return { path: `/api/admin/orders/${o.id}/returns`, init: withCookie(o.staff) };
      },
      errors: async (path) => {
        const content = await loginCookie('staff', await createStaff(['content']));
        expect((await call('GET', path, withCookie(content))).status).toBe(403);
        const cookie = await admin();
        expect(
          (await call('GET', `/api/admin/orders/${newId('order')}/returns`, withCookie(cookie))).status,
        ).toBe(404);
      },
    },
    'POST /api/admin/orders/{orderId}/returns/{returnId}/approve': {
      happy: async () => {
        const o = await orderReturn();
        return {
          path: `/api/admin/orders/${o.id}/returns/${o.returnId}/approve`,
          init: withCookie(o.staff, json({ note: 'Use the prepaid label' })),
        };
      },
      errors: async () => {
        const o = await orderReturn('approved');
        const path = `/api/admin/orders/${o.id}/returns/${o.returnId}/approve`;
        expect((await call('POST', path, withCookie(o.staff, json({})))).status).toBe(409);
        expect((await call('POST', path, withCookie(o.staff, json({ extra: 1 })))).status).toBe(400);
      },
    },
    'POST /api/admin/orders/{orderId}/returns/{returnId}/reject': {
      happy: async () => {
        const o = await orderReturn();
        return {
          path: `/api/admin/orders/${o.id}/returns/${o.returnId}/reject`,
          init: withCookie(o.staff, json({ reason: 'Worn' })),
        };
      },
      errors: async (path) => {
        const o = await orderReturn();
        const fresh = `/api/admin/orders/${o.id}/returns/${o.returnId}/reject`;
        expect((await call('POST', fresh, withCookie(o.staff, json({ reason: '' })))).status).toBe(400);
        expect((await call('POST', path, withCookie(o.staff, json({ reason: 'Again' })))).status).toBe(409);
      },
    },
    'POST /api/admin/orders/{orderId}/returns/{returnId}/receive': {
      happy: async () => {
        const o = await orderReturn('approved');
        const warehouse = await loginCookie('staff', await createStaff(['warehouse']));
        return {
          path: `/api/admin/orders/${o.id}/returns/${o.returnId}/receive`,
          init: withCookie(warehouse, json(receipt(o.lineId), { 'Idempotency-Key': newId('request') })),
        };
      },
      errors: async () => {
        const o = await orderReturn();
        const path = `/api/admin/orders/${o.id}/returns/${o.returnId}/receive`;
        expect((await call('POST', path, withCookie(o.staff, json(receipt(o.lineId))))).status).toBe(409);
        expect((await call('POST', path, withCookie(o.staff, json(receipt(o.lineId, 2))))).status).toBe(400);
        const missing = `/api/admin/orders/${o.id}/returns/${newId('return')}/receive`;
        expect((await call('POST', missing, withCookie(o.staff, json(receipt(o.lineId))))).status).toBe(404);
      },
    },
  };
}

let postCounter = 0;

/** A post body with a fresh slug. */
const postBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Contract post',
  slug: `contract-post-${++postCounter}-${Date.now().toString(36)}`,
  bodyMarkdown: 'Hello',
  ...overrides,
});

async function adminPost(): Promise<string> {
  const res = await call('POST', '/api/admin/posts', withCookie(await admin(), json(postBody())));
  return (res.body as { id: string }).id;
}

function postScenarios(): Record<string, Scenario> {
  return {
    'GET /api/admin/posts': {
      happy: async () => ({ path: '/api/admin/posts', init: withCookie(await admin()) }),
    },
    'GET /api/admin/posts/{postId}': {
      happy: async () => ({ path: `/api/admin/posts/${await adminPost()}`, init: withCookie(await admin()) }),
      errors: async () => {
        const cookie = await admin();
        expect((await call('GET', `/api/admin/posts/${newId('post')}`, withCookie(cookie))).status).toBe(404);
        expect((await call('GET', '/api/admin/posts/not-an-id', withCookie(cookie))).status).toBe(400);
      },
    },
    'POST /api/admin/posts': {
      happy: async () => ({
        path: '/api/admin/posts',
        init: withCookie(await admin(), json(postBody({ status: 'published', tags: ['Care Guide'] }))),
      }),
      errors: async (path) => {
        const cookie = await admin();
        expect((await call('POST', path, withCookie(cookie, json(postBody({ colour: 'red' }))))).status).toBe(
          400,
        );
        const when = postBody({ status: 'published', publishedAt: '2026-02-30' });
        expect((await call('POST', path, withCookie(cookie, json(when)))).status).toBe(422);
      },
    },
    'PUT /api/admin/posts/{postId}': {
      happy: async () => ({
        path: `/api/admin/posts/${await adminPost()}`,
        init: withCookie(await admin(), json(postBody({ title: 'Renamed' }))),
      }),
      errors: async () => {
        const missing = `/api/admin/posts/${newId('post')}`;
        expect((await call('PUT', missing, withCookie(await admin(), json(postBody())))).status).toBe(404);
      },
    },
    'DELETE /api/admin/posts/{postId}': {
      happy: async () => ({ path: `/api/admin/posts/${await adminPost()}`, init: withCookie(await admin()) }),
    },
  };
}

/** A library image uploaded by an administrator (its id and URL). */
async function adminMedia(): Promise<{ id: string; url: string }> {
  const res = await call(
    'POST',
    '/api/admin/media',
    withCookie(await admin(), { body: imageForm(PNG_3X2, 'A contract image') }),
  );
  return res.body as { id: string; url: string };
}

function mediaScenarios(): Record<string, Scenario> {
  return {
    'GET /api/admin/media': {
      happy: async () => ({ path: '/api/admin/media?q=contract&page=1', init: withCookie(await admin()) }),
      errors: async (path) => {
        expect((await call('GET', '/api/admin/media?page=0', withCookie(await admin()))).status).toBe(400);
        expect((await call('GET', path)).status).toBe(401);
      },
    },
    'POST /api/admin/media': {
      happy: async () => ({
        path: '/api/admin/media',
        init: withCookie(await admin(), { body: imageForm(PNG_3X2, 'Front view') }),
      }),
      errors: async (path) => {
        const cookie = await admin();
        const text = new TextEncoder().encode('plain words, not a picture at all');
        expect(
          (await call('POST', path, withCookie(cookie, { body: imageForm(text, 'Words') }))).status,
        ).toBe(422);
        expect((await call('POST', path, withCookie(cookie, { body: imageForm(PNG_3X2, '') }))).status).toBe(
          400,
        );
        const big = new Uint8Array(5 * 1024 * 1024 + 10);
        expect((await call('POST', path, withCookie(cookie, { body: imageForm(big, 'Big') }))).status).toBe(
          413,
        );
      },
    },
    'PATCH /api/admin/media/{mediaId}': {
      happy: async () => ({
        path: `/api/admin/media/${(await adminMedia()).id}`,
        init: withCookie(await admin(), json({ alt: 'Back view' })),
      }),
      errors: async (path) => {
        const cookie = await admin();
        expect((await call('PATCH', path, withCookie(cookie, json({ alt: '' })))).status).toBe(400);
        const missing = `/api/admin/media/${newId('media')}`;
        expect((await call('PATCH', missing, withCookie(cookie, json({ alt: 'x' })))).status).toBe(404);
      },
    },
    'DELETE /api/admin/media/{mediaId}': {
      happy: async () => ({
        path: `/api/admin/media/${(await adminMedia()).id}`,
        init: withCookie(await admin()),
      }),
      errors: async () => {
        const cookie = await admin();
        const used = await adminMedia();
        const banner = {
          placement: 'home-hero',
          title: 'Uses an image',
          imageUrl: used.url,
          imageAlt: 'Alt',
        };
        expect((await call('POST', '/api/admin/banners', withCookie(cookie, json(banner)))).status).toBe(201);
        expect((await call('DELETE', `/api/admin/media/${used.id}`, withCookie(cookie))).status).toBe(409);
        const missing = `/api/admin/media/${newId('media')}`;
        expect((await call('DELETE', missing, withCookie(cookie))).status).toBe(404);
      },
    },
  };
}
