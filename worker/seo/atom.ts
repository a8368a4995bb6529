/** The blog's Atom feed (RFC 4287) as text: every value escaped, characters XML 1.0 forbids removed. */
import { escapeHtml } from '@worker/http/html';

export interface FeedEntry {
  slug: string;
  title: string;
  excerpt: string;
  authorName: string;
  publishedAt: number;
  updatedAt: number;
  bodyHtml: string;
}

// Control characters are not allowed anywhere in an XML 1.0 document, even escaped: keep only its Char production.
const xml = (text: string): string =>
  escapeHtml(text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
const iso = (ms: number) => new Date(ms).toISOString();

/** The feed document for `entries` (newest first) of the shop at `origin`. */
export function renderAtomFeed(origin: string, shopName: string, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce((max, e) => Math.max(max, e.updatedAt, e.publishedAt), 0);
  const items = entries.map((e) => {
    const url = `${origin}/blog/${encodeURIComponent(e.slug)}`;
    return [
      '<entry>',
      `<title type="text">${xml(e.title)}</title>`,
      `<id>${xml(url)}</id>`,
      `<link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `<published>${iso(e.publishedAt)}</published>`,
      `<updated>${iso(Math.max(e.updatedAt, e.publishedAt))}</updated>`,
      `<author><name>${xml(e.authorName || shopName)}</name></author>`,
      e.excerpt ? `<summary type="text">${xml(e.excerpt)}</summary>` : '',
      // The sanitised body, escaped once more: type="html" content is HTML carried as text.
      `<content type="html">${xml(e.bodyHtml)}</content>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title type="text">${xml(`${shopName} blog`)}</title>`,
    `<id>${xml(`${origin}/blog`)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${xml(`${origin}/blog/feed.xml`)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(`${origin}/blog`)}"/>`,
    `<updated>${iso(updated)}</updated>`,
    `<author><name>${xml(shopName)}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
