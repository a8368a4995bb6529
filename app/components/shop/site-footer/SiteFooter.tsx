/** The shop footer: categories, the footer menu's links (the navigation editor's) and the small print. */
import { component$ } from '@builder.io/qwik';
import type { ShopNavLink } from '@worker/services/content/shop-content';
import type { NavCategory } from '~/components/shop/site-header/SiteHeader';

/** Footer; the "Explore" list is the footer menu content managers edit (/admin/content/navigation). */
export const SiteFooter = component$<{ shopName: string; categories: NavCategory[]; links: ShopNavLink[] }>(
  ({ shopName, categories, links }) => (
    <footer class="site-footer">
      <div class="container">
        <div class="footer-grid">
          <section>
            <h2>{shopName}</h2>
            <p>Well-made clothing and everyday goods, shipped from our warehouse with care.</p>
          </section>
          <section>
            <h2>Shop</h2>
            <ul class="footer-links">
              {categories.slice(0, 5).map((c) => (
                <li key={c.slug}>
                  <a href={`/c/${c.slug}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </section>
          {links.length > 0 && (
            <section>
              <h2>Explore</h2>
              <ul class="footer-links">
                {links.map((l) => (
                  <li key={l.href}>
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <p class="footer-base">
          © {new Date().getUTCFullYear()} {shopName}. A demo store running on edgeshop.
        </p>
      </div>
    </footer>
  ),
);
