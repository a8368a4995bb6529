/** robots.txt and sitemap.xml: what crawlers may read, and every category and active product at canonical URLs. */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { products } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { seedSmallStore } from '@tests/support/workerd';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
beforeAll(async () => {
  data = await seedSmallStore();
});

describe('robots.txt', () => {
  it('keeps crawlers out of per-user and back-office areas and points at the sitemap', async () => {
    const res = await SELF.fetch('https://shop.test/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/plain');
    const text = await res.text();
    for (const path of ['/account', '/admin', '/cart', '/api/']) expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain('Sitemap: https://shop.test/sitemap.xml');
  });
});

describe('sitemap.xml', () => {
  it('lists the home page, every category, every active product and live landing page, never a draft', async () => {
    const [draft, active] = data.products;
    await createDb(env).update(products).set({ status: 'draft' }).where(eq(products.id, draft!.id));
    const res = await SELF.fetch('https://shop.test/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    expect(res.headers.get('Cache-Control')).toContain('public');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain('https://shop.test/');
    for (const c of data.categories) expect(locs).toContain(`https://shop.test/c/${c.slug}`);
    expect(locs).toContain(`https://shop.test/p/${active!.slug}`);
    expect(locs).not.toContain(`https://shop.test/p/${draft!.slug}`);
    const activeCount = data.products.filter((p) => p.status === 'active' && p.id !== draft!.id).length;
    // …the blog with its (seeded, all published) posts, and the (seeded, live) landing pages.
    for (const p of data.landingPages) expect(locs).toContain(`https://shop.test/pages/${p.slug}`);
    expect(locs).toHaveLength(
      1 + data.categories.length + activeCount + 1 + data.posts.length + data.landingPages.length,
    );
    expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/lastmod>/);
  });
});
