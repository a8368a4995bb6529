/**
 * Landing pages as shoppers (and preview links) see them: the live revision at a moment, a moved page's new address,
 * and each block made ready to render (Markdown through the post sanitiser, product grids filled with cards).
 */
import type { Db } from '@db/client';
import type { ProductSummary } from '@db/repositories/catalog';
import { listProducts } from '@db/repositories/catalog';
import {
  findPreviewPage,
  findPublishedPage,
  findRedirect,
  listPublishedPages,
} from '@db/repositories/landing-pages';
import { resolveProductRefs } from '@db/repositories/posts';
import { groupSlugs, productCardsByIds } from '@db/repositories/product-cards';
import {
  type LandingBlock,
  LandingPageContent,
  landingPagePath,
  liveRevisionId,
} from '@domain/content/landing-page';
import { renderPostBody } from '@domain/content/markdown';
import { hashSecretToken, isSecretTokenShaped } from '@domain/identity/secret-token';
import { type ShopSales, summariesUnderSales } from '@worker/services/promotions/shop-sales';

type Distribute<T> = T extends unknown ? T : never;

/** A block ready for the page: Markdown as sanitised HTML, a grid as product cards (empty grids are dropped). */
export type BlockView = Distribute<
  | Exclude<LandingBlock, { type: 'rich-text' | 'image-text' | 'product-grid' }>
  | { type: 'rich-text'; html: string }
  | (Omit<Extract<LandingBlock, { type: 'image-text' }>, 'markdown'> & { html: string })
  | { type: 'product-grid'; heading: string; products: ProductSummary[]; moreHref: string | null }
>;

export interface LandingPageView {
  slug: string;
  title: string;
  seoTitle: string;
  seoDescription: string;
  ogImageUrl: string;
  canonicalUrl: string;
  blocks: BlockView[];
  updatedAt: number;
}

/** Grid products in one pass: hand-picked refs resolved together, each collection or category a listing query. */
async function gridProducts(db: Db, blocks: readonly LandingBlock[]) {
  const grids = blocks.filter((b) => b.type === 'product-grid');
  const refs = [...new Set(grids.flatMap((g) => (g.source === 'products' ? g.products : [])))];
  const [ids, slugs] = await Promise.all([
    resolveProductRefs(db, refs),
    groupSlugs(
      db,
      grids.flatMap((g) => (g.source === 'category' ? [g.categoryId] : [])),
      grids.flatMap((g) => (g.source === 'collection' ? [g.collectionId] : [])),
    ),
  ]);
  return Promise.all(
    grids.map(async (g) => {
      if (g.source === 'products') {
        const picked = [...new Set(g.products.flatMap((ref) => ids.get(ref) ?? []))];
        return { products: (await productCardsByIds(db, picked)).slice(0, g.limit), moreHref: null };
      }
      const collectionSlug = g.source === 'collection' ? slugs.collections.get(g.collectionId) : undefined;
      const categorySlug = g.source === 'category' ? slugs.categories.get(g.categoryId) : undefined;
      if (!collectionSlug && !categorySlug) return { products: [], moreHref: null };
      const page = await listProducts(db, { collectionSlug, categorySlug, limit: g.limit, offset: 0 });
      const moreHref =
        page.total > g.limit
          ? collectionSlug
            ? `/collections/${collectionSlug}`
            : `/c/${categorySlug}`
          : null;
      return { products: page.items, moreHref };
    }),
  );
}

/** The content made ready to render. */
export async function viewOf(db: Db, slug: string, content: LandingPageContent, updatedAt: number) {
  const grids = await gridProducts(db, content.blocks);
  let grid = 0;
  const blocks: BlockView[] = content.blocks.flatMap((b): BlockView[] => {
    switch (b.type) {
      case 'rich-text':
        return [{ type: 'rich-text', html: renderPostBody(b.markdown) }];
      case 'image-text': {
        const { markdown, ...rest } = b;
        return [{ ...rest, html: renderPostBody(markdown) }];
      }
      case 'product-grid': {
        const filled = grids[grid++]!;
        return filled.products.length ? [{ type: 'product-grid', heading: b.heading, ...filled }] : [];
      }
      default:
        return [b];
    }
  });
  const { blocks: _, ...meta } = content;
  return { slug, ...meta, blocks, updatedAt } satisfies LandingPageView;
}

/** The view with its grids' cards priced under the catalog sales live at `now` (as every other card is). */
export function underSales(view: LandingPageView, sales: ShopSales, now: number): LandingPageView {
  return {
    ...view,
    blocks: view.blocks.map((b) =>
      b.type === 'product-grid' ? { ...b, products: summariesUnderSales(sales, b.products, now) } : b,
    ),
  };
}

/** Stored content, checked again on the way out (a revision written by an older release still parses or is skipped). */
function parseContent(json: string | null): LandingPageContent | null {
  if (json === null) return null;
  const parsed = LandingPageContent.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export type LandingPageAnswer =
  | { kind: 'page'; view: LandingPageView }
  | { kind: 'moved'; to: string }
  | { kind: 'missing' };

/** What `/pages/<slug>` shows at `now`: the live revision, a 301 to where the page moved, or nothing. */
export async function loadLandingPage(db: Db, slug: string, now: number): Promise<LandingPageAnswer> {
  const page = await findPublishedPage(db, slug);
  const live = page && liveRevisionId(page, now);
  if (page && live) {
    const content = parseContent(
      live === page.publishedRevisionId ? page.publishedContent : page.replacedContent,
    );
    if (content) return { kind: 'page', view: await viewOf(db, slug, content, page.updatedAt) };
  }
  if (page) return { kind: 'missing' };
  const to = await findRedirect(db, landingPagePath(slug));
  return to ? { kind: 'moved', to } : { kind: 'missing' };
}

/** The draft a preview link shows, or null for a malformed, unknown or expired token (all the same 404). */
export async function loadPreview(db: Db, token: string, now: number) {
  if (!isSecretTokenShaped(token)) return null;
  const found = await findPreviewPage(db, hashSecretToken(token), now);
  const content = found && parseContent(found.page.draft);
  if (!found || !content) return null;
  return {
    view: await viewOf(db, found.page.slug, content, found.page.updatedAt),
    expiresAt: found.expiresAt,
  };
}

/** Live landing pages for the sitemap. */
export async function sitemapLandingPages(db: Db, now: number) {
  const rows = await listPublishedPages(db);
  return rows
    .filter((r) => liveRevisionId(r, now) !== null)
    .map((r) => ({ path: landingPagePath(r.slug), updatedAt: r.updatedAt }));
}
