/** Product descriptions: Markdown rendered with `marked`, then sanitised with `xss` (js-xss; string-based, no DOM). */
import { Marked, type Tokens } from 'marked';
import filterXss, { type IFilterXSSOptions } from 'xss';

// Headings inside a description sit under the page's h1 and its "Description" h2, so `#` becomes h3.
const HEADING_SHIFT = 2;

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

// What a description may contain: text formatting, lists, tables, links. No images (they would arrive without a size
// and unchecked origin), no forms, no embeds, no inline styles, no classes, no event handlers.
const XSS_OPTIONS: IFilterXSSOptions = {
  whiteList: {
    p: [],
    br: [],
    hr: [],
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
  },
  stripIgnoreTag: true,
  // Drop the content of these entirely rather than showing their source as text.
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
  allowCommentTag: false,
  onTagAttr(tag, name, value) {
    // Only web and mail links; js-xss already refuses javascript: URLs, this also refuses data:, vbscript:…
    if (tag === 'a' && name === 'href' && !/^(https?:|mailto:|\/(?!\/)|#)/i.test(value.trim())) return '';
    return undefined;
  },
  onIgnoreTagAttr: () => '',
};

/** Safe HTML for a product description written in Markdown (raw HTML in it is filtered too). */
export function renderDescription(markdown: string): string {
  const html = marked.parse(markdown) as string;
  // The module's default export is its filterXSS function (a CommonJS package; its named exports do not survive
  // every bundler's interop).
  const safe = filterXss(html, XSS_OPTIONS).trim();
  // Links leave the shop: no referrer leak, no window.opener.
  return safe.replace(/<a href="(https?:[^"]*)"/g, '<a href="$1" rel="nofollow noopener noreferrer"');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The description as plain text on one line (for meta descriptions and JSON-LD), cut at `max` characters. */
export function describePlain(markdown: string, max = 160): string {
  const text = renderDescription(markdown)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
