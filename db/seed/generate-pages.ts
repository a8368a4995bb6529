/** Seed generator, landing pages: "About us" and a live "Spring edit" campaign page, each with one published revision. */
import type { landingPageRevisions, landingPages } from '@db/schema';
import { LandingPageContent as Content, type LandingPageContent } from '@domain/content/landing-page';
import type { CatalogSeed } from './generate-catalog';
import type { Rng } from './random';

const DAY = 86_400_000;

export interface PageSeed {
  landingPages: (typeof landingPages.$inferSelect)[];
  landingPageRevisions: (typeof landingPageRevisions.$inferSelect)[];
}

const ABOUT = `We make a small range of clothes and everyday goods, and we make them to last.
Everything here is designed in-house and produced with partners we have visited ourselves.

- Free returns within 30 days
- Repairs for the life of the product
- Carbon-neutral shipping on every order
`;

function aboutPage(): LandingPageContent {
  return Content.parse({
    title: 'About us',
    seoDescription: 'Who makes Northwind Supply, and how we make clothes and everyday goods to last.',
    blocks: [{ type: 'rich-text', markdown: ABOUT }],
  });
}

function springEdit(collectionId: string, categoryId: string): LandingPageContent {
  return Content.parse({
    title: 'The spring edit',
    seoTitle: 'The spring edit: light layers and bright basics',
    seoDescription: 'Light layers, bright basics and the staff picks for the new season.',
    blocks: [
      {
        type: 'hero',
        heading: 'The spring edit',
        text: 'Light layers, bright basics and everything the team reaches for when the days get longer.',
        actionLabel: 'Shop staff picks',
        actionHref: '/collections/staff-picks',
      },
      { type: 'product-grid', heading: 'Staff picks', source: 'collection', collectionId, limit: 8 },
      {
        type: 'banner',
        heading: '$15 off orders over $100',
        text: 'Enter the code SAVE15 at checkout.',
        tone: 'dark',
      },
      { type: 'product-grid', heading: 'New in the range', source: 'category', categoryId, limit: 4 },
      {
        type: 'faq',
        heading: 'Questions',
        items: [
          { question: 'When will my order arrive?', answer: 'Most orders ship within two working days.' },
          { question: 'Can I return something?', answer: 'Yes: free returns within 30 days of delivery.' },
        ],
      },
      {
        type: 'cta',
        heading: 'Read the journal',
        text: 'Care guides, behind-the-scenes stories and what is coming next.',
        actionLabel: 'Go to the blog',
        actionHref: '/blog',
      },
    ],
  });
}

export function generatePages(rng: Rng, now: number, catalog: CatalogSeed): PageSeed {
  const out: PageSeed = { landingPages: [], landingPageRevisions: [] };
  const collectionId = catalog.collections[0]?.id ?? '';
  const categoryId =
    catalog.categories.find((c) => c.parentId !== null)?.id ?? catalog.categories[0]?.id ?? '';
  const specs: [string, number, LandingPageContent][] = [
    ['about', 300, aboutPage()],
    ['spring-edit', 20, springEdit(collectionId, categoryId)],
  ];
  for (const [slug, age, content] of specs) {
    const at = now - age * DAY;
    const pageId = rng.id('page', at);
    const revisionId = rng.id('pageRevision', at);
    const json = JSON.stringify(content);
    out.landingPages.push({
      id: pageId,
      slug,
      draft: json,
      publishedRevisionId: revisionId,
      replacedRevisionId: null,
      publishAt: at,
      unpublishAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    out.landingPageRevisions.push({
      id: revisionId,
      pageId,
      number: 1,
      content: json,
      savedBy: 'content@demo.shop',
      createdAt: at,
    });
  }
  return out;
}
