/** Which links content may point at: a path on this shop or an https address, never script, data or another scheme. */
import { z } from 'zod';

const MAX_LINK = 500;

/** Whitespace, control characters and backslashes: browsers strip or rewrite them, so a link with one is refused. */
function hasControlOrSpace(raw: string): boolean {
  return [...raw].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x21 || code === 0x7f || ch === '\\' || /\s/.test(ch);
  });
}

/**
 * True for `/a/path` (not `//host` or `/\host`, which browsers treat as another origin) and for `https://host/…`.
 * Everything else (`javascript:`, `data:`, `http:`, relative paths, control characters) is refused.
 */
export function isSafeLink(raw: string): boolean {
  if (raw.length === 0 || raw.length > MAX_LINK || hasControlOrSpace(raw)) return false;
  if (raw.startsWith('/')) return !raw.startsWith('//');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
}

/** A link field: trimmed, a shop path or an https address. */
export const SafeLink = z
  .string()
  .trim()
  .max(MAX_LINK)
  .refine(isSafeLink, 'Use a path on this shop (starting with /) or an https:// address.');

/** True when text holds something a browser could read as markup (`<b`, `</`, `<!--`, `<script`). */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[/!?a-z]/i.test(text);
}

/** Plain text for content fields: markup is refused rather than escaped, so nothing is stored that looks like it. */
export const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((t) => !looksLikeMarkup(t), 'Write plain text: tags such as <script> are not allowed.');
