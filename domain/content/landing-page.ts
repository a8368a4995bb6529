/**
 * Landing pages: the blocks a content manager builds them from, the content a revision keeps, and which revision
 * shoppers see at a moment (a scheduled change to a live page keeps the old revision up until it starts).
 */
import { SlugSchema } from '@domain/catalog/slug';
import { idSchema } from '@domain/core/id-schema';
import { z } from 'zod';
import { PlainText, SafeLink } from './links';
import { isOwnOriginPath } from './markdown';

export const MAX_BLOCKS = 30;
export const MAX_GRID_PRODUCTS = 24;
export const MAX_FAQ_ITEMS = 20;
const MAX_MARKDOWN = 20_000;

/** An image on this shop (the media library or product photos), described for people who cannot see it. */
const ImageUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    isOwnOriginPath,
    'Use an image on this shop (a path starting with /, e.g. from the media library).',
  );
const Alt = PlainText(300).pipe(z.string().min(1, 'Describe the image (alt text).'));

const Heading = (required: boolean) =>
  required ? PlainText(160).pipe(z.string().min(1, 'A heading is required.')) : PlainText(160).default('');

/** Text written in Markdown; rendered through the same sanitiser as blog posts, so scripts never reach the page. */
const Markdown = z
  .string()
  .max(MAX_MARKDOWN, `Keep it under ${MAX_MARKDOWN.toLocaleString('en')} characters.`);

/** An optional button: a label and where it goes, both or neither. */
const Action = {
  actionLabel: PlainText(60).default(''),
  actionHref: z.union([z.literal(''), SafeLink]).default(''),
};
const actionComplete = (b: { actionLabel: string; actionHref: string }, ctx: z.RefinementCtx) => {
  if ((b.actionLabel === '') !== (b.actionHref === ''))
    ctx.addIssue({
      code: 'custom',
      path: [b.actionLabel === '' ? 'actionLabel' : 'actionHref'],
      message: 'Give the button both a label and a link, or neither.',
    });
};

const HeroBlock = z
  .object({
    type: z.literal('hero'),
    heading: Heading(true),
    text: PlainText(400).default(''),
    imageUrl: z.union([z.literal(''), ImageUrl]).default(''),
    imageAlt: PlainText(300).default(''),
    ...Action,
  })
  .strict()
  .superRefine((b, ctx) => {
    actionComplete(b, ctx);
    if (b.imageUrl !== '' && b.imageAlt === '')
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: 'Describe the image (alt text).' });
  });

const RichTextBlock = z.object({ type: z.literal('rich-text'), markdown: Markdown }).strict();

const ImageTextBlock = z
  .object({
    type: z.literal('image-text'),
    heading: Heading(false),
    markdown: Markdown.default(''),
    imageUrl: ImageUrl,
    imageAlt: Alt,
    imageSide: z.enum(['left', 'right']).default('left'),
  })
  .strict();

/** Which products a grid shows: a collection, a category, or products chosen by id, slug or SKU (in that order). */
export const GRID_SOURCES = ['collection', 'category', 'products'] as const;
const ProductGridBlock = z
  .object({
    type: z.literal('product-grid'),
    heading: Heading(false),
    source: z.enum(GRID_SOURCES),
    collectionId: z.union([z.literal(''), idSchema('collection')]).default(''),
    categoryId: z.union([z.literal(''), idSchema('category')]).default(''),
    products: z.array(z.string().trim().min(1).max(120)).max(MAX_GRID_PRODUCTS).default([]),
    limit: z.number().int().min(1).max(MAX_GRID_PRODUCTS).default(8),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.source === 'collection' && b.collectionId === '')
      ctx.addIssue({ code: 'custom', path: ['collectionId'], message: 'Choose a collection.' });
    if (b.source === 'category' && b.categoryId === '')
      ctx.addIssue({ code: 'custom', path: ['categoryId'], message: 'Choose a category.' });
    if (b.source === 'products' && b.products.length === 0)
      ctx.addIssue({ code: 'custom', path: ['products'], message: 'List at least one product.' });
  });

const BannerBlock = z
  .object({
    type: z.literal('banner'),
    heading: Heading(true),
    text: PlainText(400).default(''),
    tone: z.enum(['accent', 'dark', 'light']).default('accent'),
    ...Action,
  })
  .strict()
  .superRefine(actionComplete);

const FaqBlock = z
  .object({
    type: z.literal('faq'),
    heading: Heading(false),
    items: z
      .array(
        z
          .object({
            question: PlainText(300).pipe(z.string().min(1, 'Write the question.')),
            answer: PlainText(2000).pipe(z.string().min(1, 'Write the answer.')),
          })
          .strict(),
      )
      .min(1, 'Add at least one question.')
      .max(MAX_FAQ_ITEMS),
  })
  .strict();

const CallToActionBlock = z
  .object({
    type: z.literal('cta'),
    heading: Heading(true),
    text: PlainText(400).default(''),
    actionLabel: PlainText(60).pipe(z.string().min(1, 'Name the button.')),
    actionHref: SafeLink,
  })
  .strict();

export const LandingBlock = z.discriminatedUnion('type', [
  HeroBlock,
  RichTextBlock,
  ImageTextBlock,
  ProductGridBlock,
  BannerBlock,
  FaqBlock,
  CallToActionBlock,
]);
export type LandingBlock = z.infer<typeof LandingBlock>;
export type LandingBlockType = LandingBlock['type'];

/** Block types in the order the editor offers them, with the name it shows. */
export const BLOCK_TYPES: readonly { type: LandingBlockType; label: string }[] = [
  { type: 'hero', label: 'Hero' },
  { type: 'rich-text', label: 'Rich text' },
  { type: 'image-text', label: 'Image with text' },
  { type: 'product-grid', label: 'Product grid' },
  { type: 'banner', label: 'Banner' },
  { type: 'faq', label: 'FAQ' },
  { type: 'cta', label: 'Call to action' },
];

/** What a revision keeps: everything shoppers see on the page (the slug and schedule belong to the page itself). */
export const LandingPageContent = z
  .object({
    title: PlainText(160).pipe(z.string().min(1, 'Give the page a title.')),
    blocks: z.array(LandingBlock).max(MAX_BLOCKS, `A page holds at most ${MAX_BLOCKS} blocks.`),
    seoTitle: PlainText(120).default(''),
    seoDescription: PlainText(320).default(''),
    ogImageUrl: z.union([z.literal(''), ImageUrl]).default(''),
    /** Where search engines should index this content; empty: the page's own address. */
    canonicalUrl: z.union([z.literal(''), SafeLink]).default(''),
  })
  .strict();
export type LandingPageContent = z.infer<typeof LandingPageContent>;

/** A new page's content: its title and nothing else yet. */
export const emptyContent = (title: string): LandingPageContent => ({
  title,
  blocks: [],
  seoTitle: '',
  seoDescription: '',
  ogImageUrl: '',
  canonicalUrl: '',
});

/** A fresh block of `type` for the editor to fill in (not yet valid: required fields are empty). */
export function blankBlock(type: LandingBlockType): Record<string, unknown> {
  switch (type) {
    case 'hero':
      return { type, heading: '', text: '', imageUrl: '', imageAlt: '', actionLabel: '', actionHref: '' };
    case 'rich-text':
      return { type, markdown: '' };
    case 'image-text':
      return { type, heading: '', markdown: '', imageUrl: '', imageAlt: '', imageSide: 'left' };
    case 'product-grid':
      return {
        type,
        heading: '',
        source: 'collection',
        collectionId: '',
        categoryId: '',
        products: [],
        limit: 8,
      };
    case 'banner':
      return { type, heading: '', text: '', tone: 'accent', actionLabel: '', actionHref: '' };
    case 'faq':
      return { type, heading: '', items: [{ question: '', answer: '' }] };
    case 'cta':
      return { type, heading: '', text: '', actionLabel: '', actionHref: '' };
  }
}

export const PageSlug = SlugSchema;

const Time = z.number().int().min(0).max(8_640_000_000_000_000);

/** When the page's published revision shows: from `publishAt` (null: now) until `unpublishAt` (null: for good). */
export const PublishSchedule = z
  .object({ publishAt: Time.nullable(), unpublishAt: Time.nullable() })
  .strict()
  .refine((s) => s.publishAt === null || s.unpublishAt === null || s.unpublishAt > s.publishAt, {
    message: 'The page must come down after it goes up.',
    path: ['unpublishAt'],
  });
export type PublishSchedule = z.infer<typeof PublishSchedule>;

/** The parts of a stored page that decide what shoppers see. */
export interface PagePublication {
  publishedRevisionId: string | null;
  replacedRevisionId: string | null;
  publishAt: number | null;
  unpublishAt: number | null;
}

/** The revision shoppers see at `now`, or null when the page is not live. */
export function liveRevisionId(page: PagePublication, now: number): string | null {
  if (page.unpublishAt !== null && now >= page.unpublishAt) return null;
  if (page.publishAt !== null && now < page.publishAt) return page.replacedRevisionId;
  return page.publishedRevisionId;
}

/** How the editor describes a page's state at `now`. */
export type PageState = 'draft' | 'scheduled' | 'live' | 'live, change scheduled' | 'ended';
export function pageState(page: PagePublication, now: number): PageState {
  if (page.publishedRevisionId === null) return 'draft';
  const live = liveRevisionId(page, now);
  if (page.unpublishAt !== null && now >= page.unpublishAt) return 'ended';
  if (page.publishAt !== null && now < page.publishAt) return live ? 'live, change scheduled' : 'scheduled';
  return 'live';
}

/** The moments shoppers' view of the page changes (for the edge cache's schedule marks). */
export const publicationMoments = (page: PagePublication): number[] =>
  [page.publishAt, page.unpublishAt].filter((t): t is number => t !== null);

/** The shop path of a landing page. */
export const landingPagePath = (slug: string) => `/pages/${slug}`;

/** Preview links last a day unless the editor picks otherwise (at most a month). */
export const PREVIEW_HOURS = [1, 24, 72, 168, 720] as const;
export const DEFAULT_PREVIEW_HOURS = 24;
