/** Blog post bodies: Markdown rendered with `marked`, then sanitised with `xss` (string-based, runs on Workers). */
import { Marked, type Tokens } from 'marked';
import filterXss, { type IFilterXSSOptions } from 'xss';

// The post page's h1 is the title, so a body's `#` becomes h2 and the outline stays whole.
const HEADING_SHIFT = 1;

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  walkTokens(token) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      heading.depth = Math.min(6, heading.depth + HEADING_SHIFT);
    }
  },
});

/** A path on our own origin (`/media/…`), never `//host` (protocol-relative) or `/\host`. */
export const isOwnOriginPath = (url: string): boolean => /^\/(?![/\\])/.test(url.trim());

// Only web, mail, own-origin and in-page links: refuses javascript:, data:, vbscript:, file:…
const SAFE_HREF = /^(https?:|mailto:|\/(?![/\\])|#)/i;

// What a post may contain: formatting, lists, tables, links and own-origin images. No forms, embeds, inline styles,
// classes or event handlers; anything else is dropped (tags) or removed with its content (scripts, styles).
const XSS_OPTIONS: IFilterXSSOptions = {
  whiteList: {
    p: [],
    br: [],
    hr: [],
    h2: [],
    h3: [],
    h4: [],
    h5: [],
    h6: [],
    strong: [],
    em: [],
    del: [],
    code: [],
    pre: [],
    blockquote: [],
    ul: [],
    ol: ['start'],
    li: [],
    table: [],
    thead: [],
    tbody: [],
    tr: [],
    th: ['align'],
    td: ['align'],
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math'],
  allowCommentTag: false,
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href' && !SAFE_HREF.test(value.trim())) return '';
    // Images come from our own origin only: no tracking pixels, no data: payloads, and the CSP allows them.
    if (tag === 'img' && name === 'src' && !isOwnOriginPath(value)) return '';
    return undefined;
  },
  onIgnoreTagAttr: () => '',
};

/** An image a shopper cannot be told about (no alt text) or that has no acceptable source is left out. */
function dropUndescribedImages(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) =>
    /\salt="[^"]*\S[^"]*"/.test(tag) && /\ssrc="\/[^"]*"/.test(tag)
      ? tag.replace(/^<img\b/, '<img loading="lazy"')
      : '',
  );
}

/** Safe HTML for a blog post's Markdown body (raw HTML in it is filtered too). The only way a post becomes markup. */
export function renderPostBody(markdown: string): string {
  const html = marked.parse(markdown) as string;
  // The module's default export is its filterXSS function (CommonJS; named exports do not survive every bundler).
  const safe = dropUndescribedImages(filterXss(html, XSS_OPTIONS).trim());
  // Links leave the shop: no referrer leak, no window.opener.
  return safe.replace(/<a href="(https?:[^"]*)"/g, '<a href="$1" rel="nofollow noopener noreferrer"');
}
