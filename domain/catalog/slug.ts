/** URL slugs for products, categories, pages and posts. */
import { z } from 'zod';

/** Longest slug slugify produces; long enough for a product title, short enough for a tidy URL. */
export const MAX_SLUG_LENGTH = 80;

// Letters NFKD does not decompose into ASCII.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  '&': ' and ',
};

/**
 * Lower-case ASCII slug: accents stripped ("Crème Brûlée" → "creme-brulee"), "&" → "and",
 * every other run of non-alphanumerics → one "-", trimmed, cut at a word boundary to
 * MAX_SLUG_LENGTH when possible. Text with no usable characters (e.g. only CJK or emoji) gives "";
 * callers must then fall back to something else, such as the id.
 */
export function slugify(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ßæœøđðþłı&]/g, (ch) => SPECIAL[ch] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  // Prefer ending on a whole word, unless that would throw away most of the slug.
  const end = lastDash > MAX_SLUG_LENGTH / 2 ? lastDash : MAX_SLUG_LENGTH;
  return slug.slice(0, end).replace(/-+$/, '');
}

/** True for a well-formed slug (what slugify can produce, non-empty). */
export const isSlug = (s: string): boolean =>
  s.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);

/** Zod schema for a slug given explicitly (admin input, route params). */
export const SlugSchema = z.string().refine(isSlug, 'Use lower-case letters, digits and single hyphens.');
