/** Home: hero, promotional banners, service promises, categories, featured collections, new arrivals, featured products. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCategories, listProducts } from '@db/repositories/catalog';
import { listCollections } from '@db/repositories/collections';
import { shopBanners } from '@worker/services/content/shop-content';
import { shopSales, summariesUnderSales } from '@worker/services/promotions/shop-sales';
import { CategoryTiles } from '~/components/shop/category-tiles/CategoryTiles';
import { Hero, type HeroContent } from '~/components/shop/hero/Hero';
import { Perks } from '~/components/shop/perks/Perks';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';

const FEATURED_COUNT = 8;
const NEW_ARRIVALS = 4;
const PER_COLLECTION = 4;
const MAX_FEATURED_COLLECTIONS = 3;

const DEFAULT_HERO: HeroContent = {
  eyebrow: 'New season',
  title: 'Everyday layers, built to last',
  body: 'Organic tees, heavyweight hoodies and weatherproof jackets, made by people who care about the details.',
  ctaLabel: 'Shop the collection',
  ctaHref: '/search',
};

/** The hero (from a scheduled `home-hero` banner when there is one) and the featured products. */
export const useHome = routeLoader$(async ({ platform }) => {
  const db = createDb(platform.env);
  const now = Date.now();
  const [banners, promos, featured, newest, collections, categories, sales] = await Promise.all([
    // A shared (edge-cached) page: only banners for everyone (docs/architecture.md, "Banners and the edge cache").
    shopBanners(platform.env, { placement: 'home-hero', signedIn: false }, now),
    shopBanners(platform.env, { placement: 'home-promo', signedIn: false }, now),
    listProducts(db, { sort: 'featured', limit: FEATURED_COUNT, offset: 0 }),
    listProducts(db, { sort: 'newest', limit: NEW_ARRIVALS, offset: 0 }),
    listCollections(db, { featuredOnly: true }),
    listCategories(db),
    shopSales(platform.env, now),
  ]);
  const shown = collections.filter((c) => c.productCount > 0).slice(0, MAX_FEATURED_COLLECTIONS);
  const collectionProducts = await Promise.all(
    shown.map((c) => listProducts(db, { collectionSlug: c.slug, limit: PER_COLLECTION, offset: 0 })),
  );
  const banner = banners[0];
  const hero: HeroContent = banner
    ? {
        ...DEFAULT_HERO,
        title: banner.title,
        body: banner.body || DEFAULT_HERO.body,
        ctaHref: banner.linkUrl ?? DEFAULT_HERO.ctaHref,
      }
    : DEFAULT_HERO;
  return {
    hero,
    promos,
    products: summariesUnderSales(sales, featured.items, now),
    newArrivals: summariesUnderSales(sales, newest.items, now),
    collections: shown.map((c, i) => ({
      ...c,
      products: summariesUnderSales(sales, collectionProducts[i]?.items ?? [], now),
    })),
    categories,
  };
});

export default component$(() => {
  const home = useHome();
  return (
    <>
      <Hero content={home.value.hero} secondaryHref="/search?sort=newest" />
      {home.value.promos.length > 0 && (
        <ul class="promo-strip" aria-label="Offers">
          {home.value.promos.map((p) => (
            <li key={p.id} class="promo">
              <strong>{p.title}</strong>
              {p.body && <span> {p.body}</span>}
              {p.linkUrl && (
                <a href={p.linkUrl}>
                  Shop the offer<span class="visually-hidden">: {p.title}</span>
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <Perks />
      <section class="section" aria-labelledby="categories-title">
        <div class="section-head">
          <h2 id="categories-title">Shop by category</h2>
        </div>
        <CategoryTiles categories={home.value.categories} />
      </section>
      <section class="section" aria-labelledby="new-title">
        <div class="section-head">
          <h2 id="new-title">New arrivals</h2>
          <a href="/search?sort=newest">
            See everything new<span class="visually-hidden"> in the shop</span>
          </a>
        </div>
        <ProductGrid products={home.value.newArrivals} label="New arrivals" />
      </section>
      {home.value.collections.map((c) => (
        <section key={c.slug} class="section collection-feature" aria-labelledby={`collection-${c.slug}`}>
          <div class="section-head">
            <div>
              <h2 id={`collection-${c.slug}`}>{c.name}</h2>
              {c.description && <p class="section-lede">{c.description}</p>}
            </div>
            <a href={`/collections/${c.slug}`}>
              Shop {c.name.toLowerCase()}
              <span class="visually-hidden"> ({c.productCount} products)</span>
            </a>
          </div>
          <ProductGrid products={c.products} label={c.name} />
        </section>
      ))}
      <section class="section" aria-labelledby="featured-title">
        <div class="section-head">
          <h2 id="featured-title">Featured products</h2>
          <a href="/search">View all</a>
        </div>
        <ProductGrid products={home.value.products} label="Featured products" />
      </section>
    </>
  );
});

export const head: DocumentHead = {
  title: 'Clothing and everyday goods',
  meta: [
    {
      name: 'description',
      content: 'Northwind Supply: organic tees, hoodies, jackets, bags and everyday goods, shipped fast.',
    },
  ],
};
