/** Seed generator, blog half: a few demo posts with tags, covers and related products from the generated catalog. */
import type { postProducts, posts, postTags } from '@db/schema';
import type { CatalogSeed } from './generate-catalog';
import type { Rng } from './random';

const DAY = 86_400_000;

export interface PostSeed {
  posts: (typeof posts.$inferSelect)[];
  postTags: (typeof postTags.$inferSelect)[];
  postProducts: (typeof postProducts.$inferSelect)[];
}

interface DemoPost {
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  tags: string[];
  /** Category slugs whose first products the post features. */
  from: string[];
  daysAgo: number;
}

const DEMO_POSTS: DemoPost[] = [
  {
    slug: 'caring-for-waxed-canvas',
    title: 'How to care for waxed canvas',
    excerpt: 'Waxed canvas gets better with age, as long as you treat it right.',
    body: `Waxed canvas gets better with age, as long as you treat it right.

## The routine

1. Brush off dry dirt; never put it in the washing machine.
2. Spot-clean with **cold** water and a soft sponge.
3. Re-wax once a year, or when water stops beading on the surface.

## Storing it

Hang jackets on a wide hanger somewhere cool and dry. Bags keep their shape stuffed with paper.

> A crease is not a flaw: it is the jacket learning how you move.
`,
    tags: ['care-guide', 'jackets', 'bags'],
    from: ['jackets', 'bags'],
    daysAgo: 14,
  },
  {
    slug: 'a-capsule-wardrobe-in-ten-pieces',
    title: 'A capsule wardrobe in ten pieces',
    excerpt: 'Ten things that go with each other, and a season of outfits from them.',
    body: `Most mornings are easier with fewer choices. Here is the list we keep coming back to.

- Two plain tees, one dark and one light
- A heavyweight hoodie
- One pair of straight trousers
- A jacket that survives rain
- Shoes you can walk in all day

Everything on the list shares a palette, so any top works with any bottom.
Read our [care guide](/blog/caring-for-waxed-canvas) to make the jacket last.
`,
    tags: ['style', 'capsule-wardrobe'],
    from: ['t-shirts', 'hoodies', 'trousers', 'shoes'],
    daysAgo: 30,
  },
  {
    slug: 'why-we-knit-with-merino',
    title: 'Why we knit with merino',
    excerpt: 'Warm without the itch, and it does not need washing as often as you think.',
    body: `Merino fibres are finer than ordinary wool, which is why they do not itch.

## Less washing

Wool resists odour, so airing a jumper overnight is often enough. When it does need a wash, use a wool
cycle at 30 °C and dry it flat.

## Where ours comes from

Our yarn is spun in Portugal from mulesing-free farms we have visited.
`,
    tags: ['materials', 'knitwear', 'care-guide'],
    from: ['knitwear'],
    daysAgo: 45,
  },
  {
    slug: 'packing-for-a-weekend-away',
    title: 'Packing for a weekend away',
    excerpt: 'One bag, two days, no checked luggage: our packing list.',
    body: `A weekend needs less than you think. Roll, do not fold; shoes go in first, along the bottom.

| Item | How many |
|---|---|
| Tees | 2 |
| Trousers | 1 |
| Hat | 1 |

Keep the small things in one pouch so they do not migrate to the bottom of the bag.
`,
    tags: ['travel', 'bags'],
    from: ['bags', 'hats', 'accessories'],
    daysAgo: 60,
  },
];

/** Demo posts, each linked to up to four active products of the categories it is about. */
export function generatePosts(rng: Rng, now: number, catalog: CatalogSeed): PostSeed {
  const out: PostSeed = { posts: [], postTags: [], postProducts: [] };
  const categorySlugById = new Map(catalog.categories.map((c) => [c.id, c.slug]));
  for (const demo of DEMO_POSTS) {
    const at = now - demo.daysAgo * DAY;
    const id = rng.id('post', at);
    const related = demo.from
      .flatMap((slug) =>
        catalog.products
          .filter((p) => p.status === 'active' && categorySlugById.get(p.categoryId) === slug)
          .slice(0, 2),
      )
      .slice(0, 4);
    const cover = related[0] && catalog.images.find((i) => i.productId === related[0]!.id);
    out.posts.push({
      id,
      slug: demo.slug,
      title: demo.title,
      excerpt: demo.excerpt,
      bodyMarkdown: demo.body,
      authorName: 'Cory Content',
      coverUrl: cover?.url ?? null,
      coverAlt: cover ? `${related[0]!.name}, photographed flat` : '',
      seoTitle: '',
      seoDescription: demo.excerpt,
      status: 'published',
      publishedAt: at,
      updatedAt: at,
    });
    for (const tag of demo.tags) out.postTags.push({ postId: id, tag });
    related.forEach((p, position) => {
      out.postProducts.push({ postId: id, productId: p.id, position });
    });
  }
  return out;
}
