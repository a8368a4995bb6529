/**
 * /robots.txt, /sitemap.xml and the blog's Atom feed. The sitemap lists the home page, every category, every active
 * product (newest change first, with `lastmod`), the blog's live posts and live landing pages, at the shop's public origin (SHOP_URL, else
 * the request's). Per-user and back-office areas are disallowed in robots.txt (they are also `noindex`).
 */
import { listSitemapEntries } from '@db/repositories/catalog';
import { listSitemapPosts } from '@db/repositories/posts-public';
import type { AppEnv } from '@worker/http/app-env';
import { escapeHtml } from '@worker/http/html';
import { loadFeedPosts } from '@worker/services/content/blog';
import { sitemapLandingPages } from '@worker/services/content/landing-view';
import { publicOrigin, shopSettings } from '@worker/services/shop/settings';
import { Hono } from 'hono';
import { renderAtomFeed } from './atom';

/** Crawlers may keep both an hour; catalogue changes reach them at the next fetch after that. */
const SEO_CACHE = 'public, max-age=3600';

/** Feed readers may keep the feed a minute, as long as the edge keeps the blog's pages. */
const FEED_CACHE = 'public, max-age=60';

/** Paths no crawler has any business in. */
const DISALLOWED = ['/account', '/admin', '/cart', '/api/', '/dev/', '/search', '/preview/'];

export const seo = new Hono<AppEnv>()
  .get('/robots.txt', (c) => {
    const origin = publicOrigin(c.env, c.req.url);
    const body = [
      'User-agent: *',
      ...DISALLOWED.map((p) => `Disallow: ${p}`),
      '',
      `Sitemap: ${origin}/sitemap.xml`,
      '',
    ];
    return c.text(body.join('\n'), 200, { 'Cache-Control': SEO_CACHE });
  })
  .get('/sitemap.xml', async (c) => {
    const origin = publicOrigin(c.env, c.req.url);
    const now = Date.now();
    const [entries, posts, pages] = await Promise.all([
      listSitemapEntries(c.var.db),
      listSitemapPosts(c.var.db, now),
      sitemapLandingPages(c.var.db, now),
    ]);
    const url = (path: string, lastmod?: number) =>
      `<url><loc>${escapeHtml(origin + path)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>`;
    const urls = [
      url('/'),
      ...entries.categories.map((cat) => url(`/c/${encodeURIComponent(cat.slug)}`)),
      ...entries.products.map((p) => url(`/p/${encodeURIComponent(p.slug)}`, p.updatedAt)),
      ...(posts.length ? [url('/blog')] : []),
      ...posts.map((p) => url(`/blog/${encodeURIComponent(p.slug)}`, p.updatedAt)),
      ...pages.map((p) => url(p.path, p.updatedAt)),
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': SEO_CACHE });
  })
  .get('/blog/feed.xml', async (c) => {
    const origin = publicOrigin(c.env, c.req.url);
    const xml = renderAtomFeed(origin, shopSettings(c.env).name, await loadFeedPosts(c.var.db, Date.now()));
    // Feed readers poll; a scheduled post shows within FEED_CACHE of its date.
    return c.body(xml, 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': FEED_CACHE,
    });
  });
