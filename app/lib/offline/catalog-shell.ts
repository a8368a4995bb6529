/**
 * The offline catalog shell's script (built into /offline-catalog.js by scripts/build-sw.mjs, precached by the SW):
 * renders the category, collection or search page the shopper asked for from the IndexedDB snapshot, with DOM
 * calls only (no innerHTML: names come from the catalog).
 */

import type { SnapshotProductRecord } from './catalog-records';
import {
  type OfflineListing,
  readOfflineCategory,
  readOfflineCollection,
  searchOffline,
} from './catalog-snapshot';

/** The SW's pages cache (app/sw.ts CACHE_NAMES.pages): product pages seen before open offline. */
const PAGES_CACHE = 'pages-v2';
const MEDIA_CACHE = 'media-v1';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  add(node, ...children);
  return node;
}

// Not Element.append: @cloudflare/workers-types redeclares Element (HTMLRewriter's) with another append signature.
function add(parent: Node, ...children: (Node | string)[]): void {
  for (const child of children)
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
}

function formatMoney(amount: number, currency: string): string {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** digits);
  } catch {
    return `${amount} ${currency}`;
  }
}

async function isCached(cacheName: string, url: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const cache = await caches.open(cacheName);
  return Boolean(await cache.match(new URL(url, location.origin).href, { ignoreSearch: false }));
}

/** One card: product link, image when this device has it, price, and add-to-cart for single-SKU products. */
async function renderCard(p: SnapshotProductRecord): Promise<HTMLLIElement> {
  const href = `/p/${encodeURIComponent(p.slug)}`;
  const [pageSaved, imageSaved] = await Promise.all([
    isCached(PAGES_CACHE, href),
    p.image ? isCached(MEDIA_CACHE, p.image.url) : Promise.resolve(false),
  ]);
  const card = el('li');
  if (p.image && imageSaved) {
    add(
      card,
      el('img', {
        className: 'thumb',
        src: p.image.url,
        alt: '',
        loading: 'lazy',
        decoding: 'async',
        width: p.image.width ?? 400,
        height: p.image.height ?? 400,
      }),
    );
  } else {
    add(card, el('div', { className: 'thumb' }));
  }
  add(card, el('a', { href }, p.name));
  if (p.priceFrom) {
    const price = el('p', { className: 'price' }, formatMoney(p.priceFrom.amount, p.priceFrom.currency));
    if (p.compareAtAmount !== null) {
      const was = el('s', { className: 'was' }, formatMoney(p.compareAtAmount, p.priceFrom.currency));
      add(price, ' ', was);
      was.setAttribute('aria-label', `was ${was.textContent}`);
    }
    price.style.margin = '0';
    add(card, price);
  }
  add(
    card,
    el(
      'p',
      { className: 'meta' },
      `${p.inStock ? 'In stock when last seen' : 'Out of stock when last seen'} · ${
        pageSaved ? 'Saved for offline' : "Details open when you're back online"
      }`,
    ),
  );
  if (p.sku && p.inStock && p.priceFrom) add(card, addToCartButton(p, p.sku, p.priceFrom));
  return card;
}

function addToCartButton(
  p: SnapshotProductRecord,
  sku: string,
  unitPrice: NonNullable<SnapshotProductRecord['priceFrom']>,
): HTMLElement {
  const status = el('p', { className: 'meta' });
  status.setAttribute('role', 'status');
  const button = el('button', { type: 'button' }, 'Add to cart');
  button.setAttribute('aria-label', `Add ${p.name} to cart`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const { addToCartOffline } = await import('./offline-cart');
    const result = await addToCartOffline({ sku, quantity: 1, productName: p.name, unitPrice });
    status.textContent = result.ok
      ? "Saved offline — it will be added to your cart when you're back online."
      : 'This could not be saved. Try again when you are back online.';
    button.disabled = false;
  });
  const wrap = el('div', {}, button, status);
  return wrap;
}

async function load(): Promise<{ listing: OfflineListing; heading: string; missing: string }> {
  const path = location.pathname.replace(/\/+$/, '');
  const [, kind, rawSlug] = path.split('/');
  const slug = decodeURIComponent(rawSlug ?? '');
  if (kind === 'c') {
    const listing = await readOfflineCategory(slug);
    return {
      listing,
      heading: listing.title ?? "You're offline",
      missing: listing.title
        ? 'No product of this category is saved on this device.'
        : "This category isn't in the catalogue saved on this device.",
    };
  }
  if (kind === 'collections') {
    const listing = await readOfflineCollection(slug);
    return {
      listing,
      heading: listing.title ?? "You're offline",
      missing: "This collection isn't in the catalogue saved on this device.",
    };
  }
  const q = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  (document.getElementById('q') as HTMLInputElement | null)?.setAttribute('value', q);
  const listing = await searchOffline(q);
  return {
    listing,
    heading: q ? `Results for “${q}”` : 'Search the saved catalogue',
    missing: q
      ? `No saved product matches “${q}”.`
      : 'Type a word to search the products saved on this device.',
  };
}

async function render(): Promise<void> {
  const results = document.getElementById('results')!;
  const { listing, heading, missing } = await load();
  document.getElementById('title')!.textContent = heading;
  document.title = `${heading} (offline) · Northwind Supply`;
  const nav = document.getElementById('categories')!;
  nav.replaceChildren(
    ...listing.categories.map((c) =>
      el('li', {}, el('a', { href: `/c/${encodeURIComponent(c.slug)}` }, c.name)),
    ),
  );
  if (listing.state) {
    document.getElementById('saved-at')!.textContent =
      `This list comes from the catalogue saved on this device on ${new Date(listing.state.syncedAt).toLocaleString()}.`;
  }
  if (!listing.state) {
    results.replaceChildren(
      el(
        'p',
        { className: 'empty' },
        "No catalogue is saved on this device yet. Visit the shop once while you're online.",
      ),
      el('p', {}, el('a', { href: location.href }, 'Try again')),
    );
    return;
  }
  if (listing.products.length === 0) {
    results.replaceChildren(
      el('p', { className: 'empty' }, missing),
      el(
        'p',
        {},
        el('a', { href: location.href }, 'Try again'),
        ' or go to the ',
        el('a', { href: '/' }, 'home page'),
        '.',
      ),
    );
    return;
  }
  const count = el('p', { className: 'meta' }, `${listing.products.length} saved products`);
  const grid = el('ul', { className: 'grid' });
  grid.setAttribute('aria-label', 'Products');
  add(grid, ...(await Promise.all(listing.products.map(renderCard))));
  results.replaceChildren(count, grid);
}

render().catch((error: unknown) => {
  console.error('offline catalog', error);
  document.getElementById('results')!.textContent =
    'The saved catalogue could not be read on this device. Try again when you are back online.';
});
