/** What shoppers get of the blog: pages of live posts, tag pages, a post, scheduled posts hidden, the feed, the sitemap. */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { pageVersion } from '@db/repositories/schedule-marks';
import { catalogState } from '@db/schema';
import type { SeedData } from '@db/seed/generate';
import { api, createStaff, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { BLOG_PAGE_SIZE, loadBlogPage, loadPost } from '@worker/services/content/blog';
import { beforeAll, describe, expect, it } from 'vitest';

let data: SeedData;
let content: string;
const db = () => createDb(env);
const HOUR = 3_600_000;

beforeAll(async () => {
  data = await seedSmallStore();
  content = await loginCookie('staff', await createStaff(['content']));
  // Enough live posts for a second page, all tagged `paging`.
  for (let i = 0; i < BLOG_PAGE_SIZE + 2; i++) {
    await write({ slug: `paging-${i}`, tags: ['Paging'], publishedAt: Date.now() - (i + 1) * HOUR });
  }
});

async function write(body: Record<string, unknown>) {
  const res = await api('/api/admin/posts', {
    cookie: content,
    body: { title: 'Post', bodyMarkdown: 'Body', status: 'published', ...body },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; slug: string };
}

describe('blog pages', () => {
  it('pages live posts newest first, ten a page, and has no page past the last', async () => {
    const now = Date.now();
    const first = (await loadBlogPage(db(), now, { page: 1 }))!;
    expect(first.items).toHaveLength(BLOG_PAGE_SIZE);
    expect(first.total).toBeGreaterThanOrEqual(BLOG_PAGE_SIZE + 2 + data.posts.length);
    const dates = first.items.map((p) => p.publishedAt);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const last = (await loadBlogPage(db(), now, { page: first.pageCount }))!;
    expect(last.items.length).toBeGreaterThan(0);
    expect(await loadBlogPage(db(), now, { page: first.pageCount + 1 })).toBeNull();
  });

  it('a tag page lists only that tag’s posts', async () => {
    const page = (await loadBlogPage(db(), Date.now(), { page: 2, tag: 'paging' }))!;
    expect(page.total).toBe(BLOG_PAGE_SIZE + 2);
    expect(page.items.map((p) => p.slug)).toEqual(['paging-10', 'paging-11']);
    expect((await loadBlogPage(db(), Date.now(), { page: 1, tag: 'no-such-tag' }))!.total).toBe(0);
  });

  it('a post has its body sanitised, its tags and its active related products; unknown slugs are null', async () => {
    const product = data.products[0]!;
    const { slug } = await write({
      slug: 'with-a-script',
      bodyMarkdown: '# Hello\n\nHi <script>alert(1)</script> there\n\n[x](javascript:alert(2))',
      tags: ['Care Guide'],
      relatedProducts: [product.slug],
    });
    const post = (await loadPost(db(), slug, Date.now()))!;
    expect(post.bodyHtml).toContain('<h2>Hello</h2>');
    expect(post.bodyHtml).toContain('there');
    expect(post.bodyHtml).not.toMatch(/<script|alert|javascript:/);
    expect(post.tags).toEqual(['care-guide']);
    expect(post.products.map((p) => p.slug)).toEqual([product.slug]);
    expect(await loadPost(db(), 'no-such-post', Date.now())).toBeNull();
  });

  it('a scheduled post is not listed, shown or fed until its date; a draft never', async () => {
    const at = Date.now() + 2 * HOUR;
    const scheduled = await write({ slug: 'scheduled', tags: ['later'], publishedAt: at });
    await write({ slug: 'a-draft', status: 'draft', tags: ['later'] });
    const before = at - 1;
    expect(await loadPost(db(), scheduled.slug, before)).toBeNull();
    expect((await loadBlogPage(db(), before, { page: 1, tag: 'later' }))!.total).toBe(0);
    expect(await (await SELF.fetch('https://shop.test/blog/feed.xml')).text()).not.toContain(
      '/blog/scheduled<',
    );
    expect(await loadPost(db(), 'a-draft', at + HOUR)).toBeNull();
    expect((await loadPost(db(), scheduled.slug, at))?.slug).toBe('scheduled');
    const later = (await loadBlogPage(db(), at, { page: 1, tag: 'later' }))!;
    expect(later.items.map((p) => p.slug)).toEqual(['scheduled']);
    // Cached blog pages change key at the post's moment, with no write then.
    expect(await pageVersion(db(), at)).toBeGreaterThan(await pageVersion(db(), before));
  });

  it('a post write bumps the catalog version the edge cache keys pages on', async () => {
    const version = async () => (await db().select().from(catalogState))[0]!.version;
    const before = await version();
    await write({ slug: 'bumps-the-version' });
    expect(await version()).toBeGreaterThan(before);
  });
});

describe('the feed and the sitemap', () => {
  it('serves a well-formed Atom feed of the newest 20 live posts with titles escaped', async () => {
    for (const slug of ['feed-filler-1', 'feed-filler-2']) await write({ slug });
    await write({
      slug: 'escaped-title',
      title: 'Fish & chips <script>alert("x")</script>',
      bodyMarkdown: 'Body with <b onclick="x()">bold</b>',
    });
    const res = await SELF.fetch('https://shop.test/blog/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(xml).toContain(
      '<title type="text">Fish &amp; chips &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>',
    );
    expect(xml).not.toMatch(/<script|<b |onclick/);
    expect(xml.match(/<entry>/g)).toHaveLength(20);
    // Well-formed: outside the declaration every tag opens and closes in order, and every & starts an entity.
    const stack: string[] = [];
    for (const [, close, name, selfClose] of xml.matchAll(/<(\/?)([a-z]+)\b[^>]*?(\/?)>/g)) {
      if (selfClose) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
  });

  it('lists the blog and its live posts in the sitemap', async () => {
    const xml = await (await SELF.fetch('https://shop.test/sitemap.xml')).text();
    expect(xml).toContain('<loc>https://shop.test/blog</loc>');
    expect(xml).toContain(`<loc>https://shop.test/blog/${data.posts[0]!.slug}</loc>`);
    expect(xml).not.toContain('/blog/scheduled<');
  });
});
