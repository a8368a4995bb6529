/**
 * Part of the repository contract (run on D1 and libSQL): the faceted listing and collections, checked against a
 * plain-TypeScript reading of the same rows, so every filter combination and every disjunctive facet count is
 * compared with what it must be.
 */
import type { Db } from '@db/client';
import { getCollectionBySlug, listCollections } from '@db/repositories/collections';
import { type ListProductsInput, listProducts } from '@db/repositories/product-listing';
import { categories, collections, productCollections, products, productVariants } from '@db/schema';
import { bucketIndexOf, priceBuckets } from '@domain/catalog/listing-filters';
import { newId } from '@domain/core/ids';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

type Facts = Awaited<ReturnType<typeof readFacts>>;

async function readFacts(db: Db) {
  const [ps, vs, cs, pcs, cols] = await Promise.all([
    db.select().from(products).where(eq(products.status, 'active')),
    db
      .select({
        id: productVariants.id,
        productId: productVariants.productId,
        size: productVariants.size,
        colour: productVariants.colour,
      })
      .from(productVariants),
    db.select().from(categories),
    db.select().from(productCollections),
    db.select().from(collections),
  ]);
  return { ps, vs, cs, pcs, cols };
}

/** The ids that must pass `input`'s filters except `except`, computed in TypeScript. */
function expected(f: Facts, input: Omit<ListProductsInput, 'limit' | 'offset'>, except?: string) {
  const subtree = (slug: string) => {
    const root = f.cs.find((c) => c.slug === slug);
    const ids = new Set(root ? [root.id] : []);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of f.cs)
        if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
          ids.add(c.id);
          grew = true;
        }
    }
    return ids;
  };
  const variantFilter = Boolean(
    (except !== 'size' && input.sizes?.length) || (except !== 'colour' && input.colours?.length),
  );
  return f.ps.filter((p) => {
    if (input.categorySlug && except !== 'category' && !subtree(input.categorySlug).has(p.categoryId))
      return false;
    if (input.collectionSlug) {
      const col = f.cols.find((c) => c.slug === input.collectionSlug);
      if (!f.pcs.some((pc) => pc.collectionId === col?.id && pc.productId === p.id)) return false;
    }
    if (except !== 'price' && input.priceMin !== undefined && (p.priceMin ?? -1) < input.priceMin)
      return false;
    if (except !== 'price' && input.priceMax !== undefined && (p.priceMin ?? Infinity) > input.priceMax)
      return false;
    // Size and colour hold on one variant: a red M, not an M in blue and a red L.
    if (variantFilter && !f.vs.some((v) => v.productId === p.id && variantMatches(v, input, except)))
      return false;
    if (except !== 'stock' && input.inStock && !p.inStock) return false;
    if (except !== 'rating' && input.minRating !== undefined && (p.ratingAvg ?? 0) < input.minRating)
      return false;
    return true;
  });
}

/** Whether one variant has a chosen size and a chosen colour (a filter left out by `except` always holds). */
function variantMatches(
  v: Facts['vs'][number],
  input: Omit<ListProductsInput, 'limit' | 'offset'>,
  except?: string,
): boolean {
  const ok = (key: 'size' | 'colour', values: readonly string[] | undefined) =>
    except === key || !values?.length || (v[key] !== null && values.includes(v[key]!));
  return ok('size', input.sizes) && ok('colour', input.colours);
}

function countBy<T>(items: T[], key: (t: T) => (string | null)[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) for (const k of new Set(key(t))) if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Registers the listing contract; `db()` is the migrated, seeded database of the surrounding suite. */
export function registerListingContract(db: () => Db): void {
  describe('faceted listing and collections', () => {
    it('filters by every facet and counts each facet without its own filter', async () => {
      const f = await readFacts(db());
      const sizes = [...new Set(f.vs.map((v) => v.size).filter((s) => s !== null))] as string[];
      const colours = [...new Set(f.vs.map((v) => v.colour).filter((s) => s !== null))] as string[];
      const prices = f.ps.map((p) => p.priceMin ?? 0).sort((a, b) => a - b);
      const cases: Omit<ListProductsInput, 'limit' | 'offset'>[] = [
        {},
        { sizes: [sizes[0]!] },
        { sizes: sizes.slice(0, 2), colours: [colours[0]!] },
        { colours: colours.slice(0, 3), inStock: true },
        { priceMin: prices[2], priceMax: prices[8], minRating: 4 },
        { categorySlug: f.cs[0]!.slug, sizes: [sizes.at(-1)!], inStock: true },
        { minRating: 3, colours: [colours[1]!] },
        // Size and colour on one variant: pairs that some product only has on two different variants.
        ...sizes
          .slice(0, 3)
          .flatMap((size) => colours.slice(0, 3).map((c) => ({ sizes: [size], colours: [c] }))),
      ];
      for (const input of cases) {
        const page = await listProducts(db(), { ...input, limit: 100, offset: 0, facets: true });
        const want = expected(f, input);
        expect(page.items.map((i) => i.id).sort(), JSON.stringify(input)).toEqual(
          want.map((p) => p.id).sort(),
        );
        expect(page.total).toBe(want.length);
        const facets = page.facets!;
        const bySize = countBy(expected(f, input, 'size'), (p) =>
          f.vs.filter((v) => v.productId === p.id && variantMatches(v, input, 'size')).map((v) => v.size),
        );
        expect(new Map(facets.sizes.map((s) => [s.value, s.count]))).toEqual(bySize);
        const byColour = countBy(expected(f, input, 'colour'), (p) =>
          f.vs.filter((v) => v.productId === p.id && variantMatches(v, input, 'colour')).map((v) => v.colour),
        );
        expect(new Map(facets.colours.map((s) => [s.value, s.count]))).toEqual(byColour);
        const buckets = priceBuckets();
        const byBucket = countBy(expected(f, input, 'price'), (p) => [
          String(bucketIndexOf(p.priceMin ?? 0, buckets)),
        ]);
        expect(facets.prices.map((b) => b.count)).toEqual(
          buckets.map((_, i) => byBucket.get(String(i)) ?? 0),
        );
        const stockBase = expected(f, input, 'stock');
        expect(facets.availability).toEqual({
          all: stockBase.length,
          inStock: stockBase.filter((p) => p.inStock).length,
        });
        const ratingBase = expected(f, input, 'rating');
        expect(facets.ratings).toEqual(
          [4, 3, 2, 1].map((min) => ({
            min,
            count: ratingBase.filter((p) => (p.ratingAvg ?? 0) >= min).length,
          })),
        );
        const byCategory = countBy(expected(f, input, 'category'), (p) => [p.categoryId]);
        for (const c of facets.categories) {
          const id = f.cs.find((x) => x.slug === c.slug)!.id;
          expect(c.count).toBe(byCategory.get(id) ?? 0);
        }
      }
    });

    it('matches size and colour on one variant: no red M from an M in blue and a red L', async () => {
      const f = await readFacts(db());
      const active = new Set(f.ps.map((p) => p.id));
      const vs = f.vs.filter((v) => active.has(v.productId));
      // A product with two sizes in two colours; its (s1, c2) variant loses both, so s1 exists only in c1.
      const a = vs.find(
        (v) =>
          v.size &&
          v.colour &&
          vs.some((w) => w.productId === v.productId && w.size !== v.size && w.colour !== v.colour && w.size),
      )!;
      const b = vs.find((w) => w.productId === a.productId && w.size !== a.size && w.colour !== a.colour)!;
      const gap = vs.find((w) => w.productId === a.productId && w.size === a.size && w.colour === b.colour)!;
      await db()
        .update(productVariants)
        .set({ size: null, colour: null })
        .where(eq(productVariants.id, gap.id));
      try {
        const input = { sizes: [a.size!], colours: [b.colour!] };
        const page = await listProducts(db(), { ...input, limit: 100, offset: 0, facets: true });
        expect(page.items.map((i) => i.id)).not.toContain(a.productId);
        expect(page.total).toBe(expected(await readFacts(db()), input).length);
        // In its own category (a page holds all of it), its s1 in c1 still lists it.
        const categoryId = f.ps.find((p) => p.id === a.productId)!.categoryId;
        const alone = await listProducts(db(), {
          categorySlug: f.cs.find((c) => c.id === categoryId)!.slug,
          sizes: [a.size!],
          colours: [a.colour!, b.colour!],
          limit: 100,
          offset: 0,
        });
        expect(alone.items.map((i) => i.id)).toContain(a.productId);
      } finally {
        await db()
          .update(productVariants)
          .set({ size: gap.size, colour: gap.colour })
          .where(eq(productVariants.id, gap.id));
      }
    });

    it('lists a category with its subcategories, and counts a parent over its subtree', async () => {
      const parent = (await readFacts(db())).cs[0]!;
      const child = {
        id: newId('category'),
        slug: 'contract-child',
        name: 'Child',
        description: '',
        position: 99,
        parentId: parent.id,
      };
      await db().insert(categories).values(child);
      const [moved] = await db()
        .select()
        .from(products)
        .where(eq(products.status, 'active'))
        .limit(1)
        .offset(3);
      await db().update(products).set({ categoryId: child.id }).where(eq(products.id, moved!.id));
      try {
        const f = await readFacts(db());
        const page = await listProducts(db(), {
          categorySlug: parent.slug,
          limit: 100,
          offset: 0,
          facets: true,
        });
        expect(page.items.map((i) => i.id)).toContain(moved!.id);
        expect(page.total).toBe(expected(f, { categorySlug: parent.slug }).length);
        const onlyChild = await listProducts(db(), { categorySlug: child.slug, limit: 100, offset: 0 });
        expect(onlyChild.items.map((i) => i.id)).toEqual([moved!.id]);
        const facet = page.facets!.categories;
        const all = f.ps.length;
        expect(facet.find((c) => c.slug === child.slug)).toMatchObject({ parentSlug: parent.slug, count: 1 });
        expect(facet.reduce((n, c) => n + (c.parentSlug === null ? c.count : 0), 0)).toBe(all);
      } finally {
        await db().update(products).set({ categoryId: moved!.categoryId }).where(eq(products.id, moved!.id));
        await db().delete(categories).where(eq(categories.id, child.id));
      }
    });

    it('sorts by relevance with a query and falls back to featured without one', async () => {
      const featured = await listProducts(db(), { limit: 100, offset: 0 });
      expect((await listProducts(db(), { sort: 'relevance', limit: 100, offset: 0 })).items).toEqual(
        featured.items,
      );
      const word = featured.items[0]!.name.split(' ').at(-1)!;
      const relevant = await listProducts(db(), { q: word, sort: 'relevance', limit: 100, offset: 0 });
      expect(relevant.total).toBeGreaterThan(0);
      expect(relevant.items).toEqual((await listProducts(db(), { q: word, limit: 100, offset: 0 })).items);
      const none = await listProducts(db(), { q: '!!!', limit: 10, offset: 0, facets: true });
      expect(none.total).toBe(0);
      expect(none.facets?.sizes).toEqual([]);
    });

    it('lists collections, featured first, and a collection with its products', async () => {
      const f = await readFacts(db());
      const all = await listCollections(db());
      expect(all.map((c) => c.slug).sort()).toEqual(f.cols.map((c) => c.slug).sort());
      const featured = await listCollections(db(), { featuredOnly: true });
      expect(featured.map((c) => c.slug)).toEqual(
        f.cols
          .filter((c) => c.featured)
          .sort((a, b) => a.position - b.position)
          .map((c) => c.slug),
      );
      const col = f.cols[0]!;
      const found = await getCollectionBySlug(db(), col.slug);
      expect(found).toMatchObject({ slug: col.slug, name: col.name, featured: col.featured });
      const inIt = await listProducts(db(), { collectionSlug: col.slug, limit: 100, offset: 0 });
      expect(inIt.items.map((i) => i.id).sort()).toEqual(
        expected(f, { collectionSlug: col.slug })
          .map((p) => p.id)
          .sort(),
      );
      expect(found!.productCount).toBe(inIt.total);
      expect(await getCollectionBySlug(db(), 'no-such-collection')).toBeNull();
    });
  });
}
