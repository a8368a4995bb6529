/**
 * Banners and menus on edge-cached pages: a scheduled banner appears at its start with no write in between (the
 * schedule marks move the cache key), and menu edits show on the next page.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { createApp } from '@worker/app';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { VERSION_MEMO_MS } from '@worker/services/catalog/catalog-version';
import { announcementFor, shopBanners, shopMenus } from '@worker/services/content/shop-content';
import { beforeAll, describe, expect, it } from 'vitest';

let content: string;

beforeAll(async () => {
  await seedSmallStore();
  content = await loginCookie('staff', await createStaff(['content']));
});

/**
 * Stands in for the shop layout (the e2e suite runs the real one): the announcement bar and footer menu from the same
 * services app/routes/(shop)/layout.tsx calls, for a guest, marked public as shop pages are.
 */
async function renderPage(): Promise<Response> {
  const [announcement] = await shopBanners(env, { placement: 'announcement', signedIn: false }, Date.now());
  const menus = await shopMenus(env);
  const body = `<!doctype html><html><body><aside data-bar>${announcement?.title ?? ''}</aside>
<footer>${menus.footer.map((l) => `<a href="${l.href}">${l.label}</a>`).join('')}</footer></body></html>`;
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  headers.set(PUBLIC_PAGE_HEADER, '1');
  return new Response(body, { status: 200, headers });
}

function shop() {
  const app = createApp(renderPage, { build: crypto.randomUUID() });
  return async (path: string) => {
    const ctx = createExecutionContext();
    const res = await app.request(path, {}, env, ctx);
    const html = await res.text();
    await waitOnExecutionContext(ctx);
    return { cache: res.headers.get('X-Cache'), bar: /data-bar>([^<]*)</.exec(html)?.[1] ?? '', html };
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduled banners on cached pages', () => {
  it('shows a banner scheduled for later only once its start has passed, with no write in between', async () => {
    const get = shop();
    const startsAt = Date.now() + 2 * VERSION_MEMO_MS;
    const res = await api('/api/admin/banners', {
      cookie: content,
      body: { placement: 'announcement', title: 'Doors open now', startsAt, priority: 900 },
    });
    expect(res.status).toBe(201);
    await pause(VERSION_MEMO_MS + 50); // the write's own version bump is seen

    const before = await get('/c/anything');
    expect(before.bar).not.toBe('Doors open now');
    expect((await get('/c/anything')).cache).toBe('HIT'); // kept, within its 60 s of freshness

    await pause(Math.max(0, startsAt - Date.now()) + VERSION_MEMO_MS + 50);
    const after = await get('/c/anything');
    expect(after.cache).toBe('MISS'); // the passed start mark changed the key: no purge, no write, no cron
    expect(after.bar).toBe('Doors open now');
  });

  it('shows an edited footer menu on the next page', async () => {
    const get = shop();
    await get('/search');
    expect((await get('/search')).cache).toBe('HIT');
    const res = await api('/api/admin/nav-links', {
      cookie: content,
      body: { menu: 'footer', label: 'Gift cards', href: '/gift-cards' },
    });
    expect(res.status).toBe(201);
    await pause(VERSION_MEMO_MS + 50);
    const next = await get('/search');
    expect(next.cache).toBe('MISS');
    expect(next.html).toContain('<a href="/gift-cards">Gift cards</a>');
  });
});

describe('signed-in banners', () => {
  it('never reach a shared page, even for a signed-in shopper; per-user pages show them', async () => {
    const res = await api('/api/admin/banners', {
      cookie: content,
      body: {
        placement: 'announcement',
        audience: 'signed-in',
        title: 'Members: early access',
        priority: 1000,
      },
    });
    expect(res.status).toBe(201);
    let asked = 0;
    const signedIn = async () => {
      asked++;
      return true;
    };
    const now = Date.now();
    expect((await announcementFor(env, '/c/tees', signedIn, now))?.title).not.toBe('Members: early access');
    expect(asked).toBe(0); // a shared page never looks at the session
    expect((await announcementFor(env, '/account', signedIn, now))?.title).toBe('Members: early access');
    expect((await announcementFor(env, '/cart', async () => false, now))?.title).not.toBe(
      'Members: early access',
    );
  });
});
