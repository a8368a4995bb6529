/** What a content manager may send to create or change a blog post, and how its tags and dates are normalised. */
import { SlugSchema, slugify } from '@domain/catalog/slug';
import { z } from 'zod';
import { isOwnOriginPath } from './markdown';

export const POST_STATUSES = ['draft', 'published'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Longest normalised tag; more tags or related products than these make a post a catalogue, not an article. */
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;
export const MAX_RELATED_PRODUCTS = 12;
export const MAX_BODY_LENGTH = 100_000;

/** A cover image: on our own origin (e.g. `/media/products/…`) and described for people who cannot see it. */
const Cover = z
  .object({
    url: z
      .string()
      .trim()
      .max(500)
      .refine(isOwnOriginPath, 'Use an image on this shop (a path starting with /).'),
    alt: z.string().trim().min(1, 'Describe the cover image.').max(300),
  })
  .strict();

export const PostInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    slug: SlugSchema,
    excerpt: z.string().trim().max(500).default(''),
    authorName: z.string().trim().max(120).default(''),
    bodyMarkdown: z.string().max(MAX_BODY_LENGTH),
    tags: z.array(z.string().max(100)).max(MAX_TAGS).default([]),
    cover: Cover.nullable().default(null),
    /** Products by id, slug or SKU, in the order they are shown. */
    relatedProducts: z.array(z.string().trim().min(1).max(120)).max(MAX_RELATED_PRODUCTS).default([]),
    seoTitle: z.string().trim().max(120).default(''),
    seoDescription: z.string().trim().max(320).default(''),
    status: z.enum(POST_STATUSES).default('draft'),
    /** Epoch milliseconds or an ISO 8601 date-time (UTC unless it names an offset); null: now, when published. */
    publishedAt: z
      .union([z.number(), z.string().max(40)])
      .nullable()
      .default(null),
  })
  .strict();
export type PostInput = z.infer<typeof PostInput>;

/** Tags in slug form (`Slow Fashion` → `slow-fashion`), empty ones dropped, duplicates removed, order kept. */
export function normaliseTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of raw) {
    const slug = slugify(tag).slice(0, MAX_TAG_LENGTH).replace(/-+$/, '');
    if (slug && !out.includes(slug)) out.push(slug);
  }
  return out;
}

/** "spring, Slow fashion ,,wool" → the tags typed into a form's comma-separated field. */
export const splitTags = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Earliest and latest publish dates accepted: before 2000 or more than ten years ahead is a typo. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST_AHEAD_MS = 10 * 366 * 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Epoch ms of an ISO date-time, or null when it is malformed or names a day that does not exist (30 February). */
export function parseDateTime(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone ?? 'Z'}`);
  if (Number.isNaN(at)) return null;
  // Date.parse rolls 2026-02-30 over into March; the calendar day must survive the round trip.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  return at;
}

/**
 * The publish date a post is stored with, or why it is refused: a published post without a date is published now;
 * a draft keeps the date it was given (it takes effect when published). Unreadable dates and dates outside
 * 2000 … now + 10 years are refused.
 */
export function resolvePublishDate(
  status: PostStatus,
  publishedAt: number | string | null,
  now: number,
): { ok: true; value: number | null } | { ok: false; detail: string } {
  if (publishedAt === null) return { ok: true, value: status === 'published' ? now : null };
  const at = typeof publishedAt === 'number' ? publishedAt : parseDateTime(publishedAt);
  if (at === null || !Number.isInteger(at))
    return { ok: false, detail: 'The publish date is not a valid date.' };
  if (at < EARLIEST || at > now + LATEST_AHEAD_MS)
    return { ok: false, detail: 'The publish date must be between 2000 and ten years from now.' };
  return { ok: true, value: at };
}

/** How a post stands for shoppers at `now`: only `live` posts are shown; `scheduled` ones appear at their date. */
export type PostState = 'draft' | 'scheduled' | 'live';

export function postState(post: { status: PostStatus; publishedAt: number | null }, now: number): PostState {
  if (post.status !== 'published' || post.publishedAt === null) return 'draft';
  return post.publishedAt > now ? 'scheduled' : 'live';
}
