/** The shop's page shell: skip link, header with categories, account link and cart count, main, footer. */
import { component$, Slot } from '@builder.io/qwik';
import { routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listCategories } from '@db/repositories/catalog';
import { countCartItems } from '@worker/services/cart/cart';
import { SiteFooter } from '~/components/shop/site-footer/SiteFooter';
import { SiteHeader } from '~/components/shop/site-header/SiteHeader';
import { readCartId } from '~/lib/cart-cookie';
import { pageCustomer } from '~/lib/session';
import { useShop } from '~/routes/layout';

/**
 * Categories for the navigation, and for the header the cart's item count and whether a shopper is signed in. Only a
 * yes/no, not the name: catalogue pages (and this loader's data) may be kept by the service worker for offline use,
 * and the architecture keeps per-user data in them to what the header needs.
 */
export const useShell = routeLoader$(async (event) => {
  const { platform, cookie, url } = event;
  const env = platform.env;
  const db = createDb(env);
  const cartId = readCartId(cookie, url);
  const [categories, cartCount, customer] = await Promise.all([
    listCategories(db),
    cartId
      ? countCartItems(env, cartId).catch((err: unknown) => {
          // A cart that cannot be read must not take the whole page down: show 0 and keep the shop usable.
          console.error('header cart count failed', err);
          return 0;
        })
      : Promise.resolve(0),
    pageCustomer(event),
  ]);
  return { categories, cartCount, signedIn: customer !== null };
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
      <SiteHeader
        shopName={shop.value.name}
        categories={nav}
        cartCount={shell.value.cartCount}
        signedIn={shell.value.signedIn}
      />
      <main id="main" class="site-main" tabIndex={-1}>
        <div class="container">
          <Slot />
        </div>
      </main>
      <SiteFooter shopName={shop.value.name} categories={nav} />
    </>
  );
});
