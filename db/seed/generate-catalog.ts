/** Seed generator, catalog half: categories, collections, products, options, variants, images, stock and reviews. */

import type {
  categories,
  collections,
  inventoryLevels,
  productCollections,
  productImages,
  productOptions,
  products,
  productVariants,
  reviews,
} from '@db/schema';
import { slugify } from '@domain/catalog/slug';
import { BRANDS, CATEGORY_SPECS, type CategorySpec, COLOURS, REVIEW_TEXT, REVIEWERS } from './catalog-data';
import type { Rng } from './random';

const DAY = 86_400_000;

/** Demo collections: the first two are featured on the home page. */
const COLLECTIONS = [
  {
    slug: 'staff-picks',
    name: 'Staff picks',
    description: 'What the team wears and uses every week.',
    featured: true,
  },
  {
    slug: 'gift-ideas',
    name: 'Gift ideas',
    description: 'Easy wins for birthdays and holidays.',
    featured: true,
  },
  {
    slug: 'last-chance',
    name: 'Last chance',
    description: 'Final pieces of the season, while they last.',
    featured: false,
  },
] as const;

/** Placeholder images are drawn at this size (portrait, like product photography). */
const IMAGE_WIDTH = 800;
const IMAGE_HEIGHT = 1000;

/** The catalog rows, every column filled so the SQL writer and the Drizzle insert see identical data. */
export interface CatalogSeed {
  categories: (typeof categories.$inferSelect)[];
  collections: (typeof collections.$inferSelect)[];
  products: (typeof products.$inferSelect)[];
  productOptions: (typeof productOptions.$inferSelect)[];
  productCollections: (typeof productCollections.$inferSelect)[];
  variants: (typeof productVariants.$inferSelect)[];
  images: (typeof productImages.$inferSelect)[];
  inventory: (typeof inventoryLevels.$inferSelect)[];
  reviews: (typeof reviews.$inferSelect)[];
}

/** A price in minor units inside the spec's dollar range, ending in .00 or .99 like real price tags. */
function pickPrice(rng: Rng, spec: CategorySpec): number {
  const dollars = rng.int(spec.price[0], spec.price[1]);
  return rng.chance(0.6) ? dollars * 100 - 1 : dollars * 100;
}

/** On-hand for a new SKU: mostly healthy, ~5% sold out and ~10% running low, so the UI shows every state. */
function pickStock(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.05) return 0;
  if (roll < 0.15) return rng.int(1, 4);
  return rng.int(5, 60);
}

function pickRating(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.5) return 5;
  if (roll < 0.8) return 4;
  if (roll < 0.9) return 3;
  if (roll < 0.96) return 2;
  return 1;
}

/** True when a word appears twice ("Waxed Waxed Cotton Coat"): such names are skipped. */
function repeatsAWord(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  return new Set(words).size !== words.length;
}

function uniqueName(rng: Rng, spec: CategorySpec, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${rng.pick(spec.adjectives)} ${rng.pick(spec.materials)} ${rng.pick(spec.nouns)}`;
    if (!repeatsAWord(name) && !taken.has(slugify(name))) return name;
  }
  // The word lists allow hundreds of combinations per category; past that, number the duplicates.
  const base = `${rng.pick(spec.adjectives)} ${rng.pick(spec.materials)} ${rng.pick(spec.nouns)}`;
  let n = 2;
  while (taken.has(slugify(`${base} ${n}`))) n++;
  return `${base} ${n}`;
}

/**
 * Generates `productCount` active products spread evenly over every category (10 of them). With
 * `variantsPerProduct` (the bench's 10,000 × 4) every product gets exactly that many variants: that many sizes of one
 * colour, sizes × colours (hats: 2 × 2), or that many colours when the category has no sizes.
 */
export function generateCatalog(
  rng: Rng,
  now: number,
  productCount: number,
  currency: string,
  variantsPerProduct?: number,
): CatalogSeed {
  const out: CatalogSeed = {
    categories: [],
    collections: [],
    products: [],
    productOptions: [],
    productCollections: [],
    variants: [],
    images: [],
    inventory: [],
    reviews: [],
  };
  const categoryIds = CATEGORY_SPECS.map((spec, position) => {
    const id = rng.id('category', now - 400 * DAY);
    out.categories.push({
      id,
      slug: spec.slug,
      name: spec.name,
      description: spec.description,
      position,
      parentId: null,
    });
    return id;
  });
  const collectionIds = COLLECTIONS.map((spec, position) => {
    const id = rng.id('collection', now - 300 * DAY);
    out.collections.push({ id, ...spec, position, createdAt: now - 300 * DAY, updatedAt: now - 300 * DAY });
    return id;
  });
  const takenSlugs = new Set<string>();

  for (let n = 1; n <= productCount; n++) {
    const catIndex = (n - 1) % CATEGORY_SPECS.length;
    const spec = CATEGORY_SPECS[catIndex] as CategorySpec;
    const name = uniqueName(rng, spec, takenSlugs);
    const slug = slugify(name);
    takenSlugs.add(slug);
    const createdAt = now - rng.int(1, 365) * DAY - rng.int(0, DAY - 1);
    const productId = rng.id('product', createdAt);
    const brand = rng.pick(BRANDS);
    const material = name.split(' ').slice(1, -1).join(' ').toLowerCase();
    out.products.push({
      id: productId,
      slug,
      name,
      description: `${name} by ${brand}, made from ${material}. ${rng.sample(spec.blurbs, 2).join(' ')}`,
      categoryId: categoryIds[catIndex] as string,
      status: 'active',
      brand,
      featuredRank: rng.chance(0.2) ? rng.int(1, 100) : 0,
      taxCategory: 'standard',
      tags: JSON.stringify([spec.slug, material.split(' ').at(-1) ?? material]),
      attributes: JSON.stringify([
        { name: 'Material', value: material.replace(/^./, (c) => c.toUpperCase()) },
        { name: 'Brand', value: brand },
      ]),
      seoTitle: '',
      seoDescription: '',
      // Kept by the database's triggers from the variants, stock and reviews inserted below.
      priceMin: null,
      ratingAvg: null,
      reviewCount: 0,
      inStock: false,
      createdAt,
      updatedAt: createdAt,
    });
    collectionIds.forEach((collectionId, c) => {
      if (rng.chance(0.08)) out.productCollections.push({ collectionId, productId, position: n * 10 + c });
    });

    const code = `${spec.code}-${String(n).padStart(4, '0')}`;
    let colourCount = rng.int(spec.colours[0], spec.colours[1]);
    let sizeList = spec.sizes ? [...spec.sizes] : null;
    if (variantsPerProduct) {
      if (sizeList) {
        const n = Math.min(sizeList.length, variantsPerProduct);
        const start = rng.int(0, sizeList.length - n);
        sizeList = sizeList.slice(start, start + n);
      }
      colourCount = Math.max(1, Math.floor(variantsPerProduct / (sizeList?.length ?? 1)));
    }
    const colours = colourCount === 0 ? [null] : rng.sample(COLOURS, colourCount);
    const sizes: (string | null)[] = sizeList ? [...sizeList] : [null];
    const optionTypes = [
      ...(sizeList ? [{ name: 'Size', values: [...sizeList] }] : []),
      ...(colours[0] ? [{ name: 'Colour', values: colours.map((c) => c?.name ?? '') }] : []),
    ];
    optionTypes.forEach((option, position) => {
      out.productOptions.push({
        productId,
        position,
        name: option.name,
        values: JSON.stringify(option.values),
      });
    });
    const price = pickPrice(rng, spec);
    const onSale = rng.chance(0.2);
    const compareAt = onSale ? Math.round((price * 1.25) / 100) * 100 - 1 : null;
    let position = 0;
    for (const colour of colours) {
      for (const size of sizes) {
        const sku = [code, size?.replace('/', ''), colour?.code].filter(Boolean).join('-');
        // Bigger sizes cost a little more, as they do in real shops.
        const uplift = size === 'XXL' ? 300 : 0;
        out.variants.push({
          id: rng.id('variant', createdAt),
          sku,
          productId,
          options: JSON.stringify({
            ...(size ? { Size: size } : {}),
            ...(colour ? { Colour: colour.name } : {}),
          }),
          size,
          colour: colour?.name ?? null,
          barcode: null,
          imageId: null,
          priceAmount: price + uplift,
          currency,
          compareAtAmount: compareAt === null ? null : compareAt + uplift,
          weightGrams: spec.weightGrams,
          position: position++,
        });
        out.inventory.push({
          sku,
          onHand: pickStock(rng),
          lowStockThreshold: 5,
          ledgerSeq: 0,
          updatedAt: now,
          binLocation: null,
        });
      }
    }

    const imageCount = rng.int(1, 3);
    const views = ['front view', 'detail', 'worn on model'];
    for (let i = 1; i <= imageCount; i++) {
      const colourName = colours[(i - 1) % colours.length]?.name;
      out.images.push({
        id: rng.id('image', createdAt),
        productId,
        url: `/media/placeholder/${slug}-${i}.svg`,
        alt: `${name}${colourName ? ` in ${colourName.toLowerCase()}` : ''}, ${views[i - 1]}`,
        position: i - 1,
        width: IMAGE_WIDTH,
        height: IMAGE_HEIGHT,
        storageKey: null,
      });
    }

    if (rng.chance(0.7)) {
      const count = rng.int(1, 5);
      for (let r = 0; r < count; r++) {
        const rating = pickRating(rng);
        const text = REVIEW_TEXT[rating - 1] as (typeof REVIEW_TEXT)[number];
        const reviewedAt = createdAt + rng.int(1, Math.max(1, Math.floor((now - createdAt) / DAY))) * DAY;
        out.reviews.push({
          id: rng.id('review', reviewedAt),
          productId,
          customerId: null,
          authorName: rng.pick(REVIEWERS),
          rating,
          title: rng.pick(text.titles),
          body: rng.pick(text.bodies),
          // A few stay in moderation so the back office has something to approve.
          status: rng.chance(0.9) ? 'published' : 'pending',
          verifiedPurchase: false,
          moderationNote: null,
          moderatedBy: null,
          moderatedAt: null,
          createdAt: Math.min(reviewedAt, now),
          updatedAt: null,
        });
      }
    }
  }
  return out;
}
