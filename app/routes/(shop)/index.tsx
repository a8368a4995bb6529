/** Home: promotional hero, service promises, featured categories and a grid of featured products. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listActiveBanners } from '@db/repositories/banners';
import { listProducts } from '@db/repositories/catalog';
import { CategoryTiles } from '~/components/shop/category-tiles/CategoryTiles';
import { Hero, type HeroContent } from '~/components/shop/hero/Hero';
import { Perks } from '~/components/shop/perks/Perks';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { useShell } from './layout';

const FEATURED_COUNT = 8;

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
  const [banners, featured] = await Promise.all([
    listActiveBanners(db, 'home-hero', Date.now(), 1),
    listProducts(db, { sort: 'featured', limit: FEATURED_COUNT, offset: 0 }),
  ]);
  const banner = banners[0];
  const hero: HeroContent = banner
    ? {
        ...DEFAULT_HERO,
        title: banner.title,
        body: banner.body || DEFAULT_HERO.body,
        ctaHref: banner.linkUrl ?? DEFAULT_HERO.ctaHref,
      }
    : DEFAULT_HERO;
  return { hero, products: featured.items };
});

export default component$(() => {
  const home = useHome();
  const shell = useShell();
  return (
    <>
      <Hero content={home.value.hero} secondaryHref="/search?sort=newest" />
      <Perks />
      <section class="section" aria-labelledby="categories-title">
        <div class="section-head">
          <h2 id="categories-title">Shop by category</h2>
        </div>
        <CategoryTiles categories={shell.value.categories} />
      </section>
      <section class="section" aria-labelledby="featured-title">
        <div class="section-head">
          <h2 id="featured-title">Featured products</h2>
          <a href="/search?sort=newest">View all</a>
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
