/** The shop's email layout: one content description rendered as plain text and as inline-styled, escaped HTML. */

import { escapeHtml } from '@worker/http/html';

/** What one email says; every string is plain text (the HTML rendering escapes it). */
export interface EmailContent {
  shopName: string;
  /** The title line, also the HTML document's title. */
  heading: string;
  /** Shown by some clients beside the subject; hidden in the body. */
  preheader: string;
  /** Optional recipient name for the greeting. */
  name?: string;
  paragraphs: string[];
  /** The one thing to do: a button in HTML, the label and address on their own lines in text. */
  action?: { label: string; url: string };
  /** Smaller print after the action (expiry, "if this was not you"). */
  notes?: string[];
}

// The shop's colours (as on worker/http/error-page.ts). Mail clients drop <style> blocks and external CSS, so every
// element carries its own style attribute, and layout uses tables, the one structure all of them render.
const FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const BRAND = '#1f3a5f';
const INK = '#1c2430';
const MUTED = '#5b6573';
const PAGE = '#f7f8fa';

/**
 * An absolute http(s) URL as written into an email; throws on anything else, because a relative link means nothing
 * in a mailbox and a `javascript:` one must never reach an href.
 */
export function absoluteLink(link: string): string {
  const url = new URL(link); // throws on a relative or malformed link
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`email links must be http(s) URLs, got ${url.protocol}`);
  }
  return url.href;
}

const greeting = (name: string | undefined) => (name?.trim() ? `Hello ${name.trim()},` : 'Hello,');

/** The plain-text part: heading, greeting, paragraphs, the action's label and address, notes, signature. */
export function renderText(content: EmailContent): string {
  const blocks = [content.heading, greeting(content.name), ...content.paragraphs];
  if (content.action) blocks.push(`${content.action.label}:\n${absoluteLink(content.action.url)}`);
  blocks.push(...(content.notes ?? []), `-- \n${content.shopName}`);
  return `${blocks.join('\n\n')}\n`;
}

const paragraph = (text: string, style = '') =>
  `<p style="margin:0 0 16px;${style}">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

/** The HTML part: a centred card with the shop's name, the content, a button for the action, and a footer. */
export function renderHtml(content: EmailContent): string {
  const e = escapeHtml;
  const action = content.action
    ? (() => {
        const href = e(absoluteLink(content.action.url));
        return `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 24px;border-radius:8px;background:${BRAND};color:#ffffff;font-weight:600;text-decoration:none;">${e(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:${MUTED};">If the button does not work, copy this address into your browser:<br><a href="${href}" style="color:${BRAND};word-break:break-all;">${href}</a></p>`;
      })()
    : '';
  const notes = (content.notes ?? []).map((n) => paragraph(n, `font-size:14px;color:${MUTED};`)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(content.heading)}</title></head>
<body style="margin:0;padding:0;background:${PAGE};">
<div style="display:none;max-height:0;overflow:hidden;">${e(content.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${PAGE};padding:24px 12px;">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;${FONT};font-size:16px;line-height:1.5;color:${INK};">
<tr><td style="padding:20px 32px;background:${BRAND};border-radius:12px 12px 0 0;color:#ffffff;font-size:18px;font-weight:700;">${e(content.shopName)}</td></tr>
<tr><td style="padding:32px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${BRAND};">${e(content.heading)}</h1>
${paragraph(greeting(content.name))}
${content.paragraphs.map((p) => paragraph(p)).join('\n')}
${action}
${notes}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #e3e6ea;font-size:13px;color:${MUTED};">An automatic message from ${e(content.shopName)}.</td></tr>
</table>
</td></tr></table>
</body></html>
`;
}
