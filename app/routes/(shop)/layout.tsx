/** The shop's page shell: skip link, header with categories and cart count, main, footer. */
import { component$, Slot } from '@builder.io/qwik';
import { routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCategories } from '@db/repositories/catalog';
import { countCartItems } from '@worker/services/cart/cart';
import { SiteFooter } from '~/components/shop/site-footer/SiteFooter';
import { SiteHeader } from '~/components/shop/site-header/SiteHeader';
import { readCartId } from '~/lib/cart-cookie';
import { useShop } from '~/routes/layout';

/** Categories for the navigation and the cart's item count for the header. */
export const useShell = routeLoader$(async ({ platform, cookie, url }) => {
  const env = platform.env;
  const db = createDb(env);
  const cartId = readCartId(cookie, url);
  const [categories, cartCount] = await Promise.all([
    listCategories(db),
    cartId
      ? countCartItems(env, cartId).catch((err: unknown) => {
          // A cart that cannot be read must not take the whole page down: show 0 and keep the shop usable.
          console.error('header cart count failed', err);
          return 0;
        })
      : Promise.resolve(0),
  ]);
  return { categories, cartCount };
});

export default component$(() => {
  const shell = useShell();
  const shop = useShop();
  const nav = shell.value.categories.map((c) => ({ slug: c.slug, name: c.name }));
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader shopName={shop.value.name} categories={nav} cartCount={shell.value.cartCount} />
      <main id="main" class="site-main" tabIndex={-1}>
        <div class="container">
          <Slot />
        </div>
      </main>
      <SiteFooter shopName={shop.value.name} categories={nav} />
    </>
  );
});
