/** The shop's page shell: skip link, announcement bar, header with categories and menu, main, footer with menu. */
import { component$, Slot } from '@builder.io/qwik';
import { type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { PUBLIC_PAGE_HEADER } from '@worker/http/edge-cache-policy';
import { navCategories } from '@worker/services/catalog/navigation';
import { announcementFor, shopMenus } from '@worker/services/content/shop-content';
import { AnnouncementBar } from '~/components/shop/announcement-bar/AnnouncementBar';
import { SiteFooter } from '~/components/shop/site-footer/SiteFooter';
import { SiteHeader } from '~/components/shop/site-header/SiteHeader';
import { pageCustomer } from '~/lib/session';
import { useShop } from '~/routes/layout';

/**
 * Shop pages are the same for every shopper (the header's cart count and name come from SessionIsland), so they
 * ask the Worker to cache them publicly (worker/http/edge-cache.ts decides how). Pages that show a shopper's own
 * data (cart, account) set `no-store` in their own onRequest, which runs after this one and wins.
 */
export const onRequest: RequestHandler = ({ headers }) => {
  headers.set(PUBLIC_PAGE_HEADER, '1');
};

/**
 * Categories, menus and the announcement banner. On shared (edge-cached) pages nothing here is per user, so the
 * data is as cacheable as the page: signed-in-only announcements are added only on the per-user pages (account,
 * cart, checkout), which are never cached (see docs/architecture.md, "Banners and the edge cache").
 */
export const useShell = routeLoader$(async (event) => {
  const env = event.platform.env;
  const [categories, menus, announcement] = await Promise.all([
    navCategories(env),
    shopMenus(env),
    announcementFor(env, event.url.pathname, () => pageCustomer(event).then(Boolean), Date.now()),
  ]);
  return { categories, menus, announcement };
});

export default component$(() => {
  const shell = useShell();
  const shop = useShop();
  const nav = shell.value.categories;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <AnnouncementBar banner={shell.value.announcement} />
      <SiteHeader shopName={shop.value.name} categories={nav} links={shell.value.menus.header} />
      <main id="main" class="site-main" tabIndex={-1}>
        <div class="container">
          <Slot />
        </div>
      </main>
      <SiteFooter shopName={shop.value.name} categories={nav} links={shell.value.menus.footer} />
    </>
  );
});
