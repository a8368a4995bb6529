/** The shop's page shell: skip link, header with categories, account and cart links, main, footer. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { navCategories } from '@worker/services/catalog/navigation';
import { SiteFooter } from '~/components/shop/site-footer/SiteFooter';
import { SiteHeader } from '~/components/shop/site-header/SiteHeader';
import { useShop } from '~/routes/layout';

/**
 * Shop pages are the same for every shopper (the header's cart count and name come from SessionIsland), so they
 * ask the Worker to cache them publicly (worker/http/edge-cache.ts decides how). Pages that show a shopper's own
 * data (cart, account) set `no-store` in their own onRequest, which runs after this one and wins.
 */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set(PUBLIC_PAGE_HEADER, '1');
};

/** Categories for the navigation: nothing per user, so this loader's data is as cacheable as the page. */
export const useShell = routeLoader$(async ({ platform }) => ({
  categories: await navCategories(platform.env),
}));

export default component$(() => {
  const shell = useShell();
  const shop = useShop();
  const nav = shell.value.categories;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader shopName={shop.value.name} categories={nav} />
      <main id="main" class="site-main" tabIndex={-1}>
        <div class="container">
          <Slot />
        </div>
      </main>
      <SiteFooter shopName={shop.value.name} categories={nav} />
    </>
  );
});
