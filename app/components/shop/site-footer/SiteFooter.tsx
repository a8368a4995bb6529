/** The shop footer: help links, categories and the small print. */
import { component$ } from '@builder.io/qwik';
import type { NavCategory } from '~/components/shop/site-header/SiteHeader';

/** Footer; links to pages that are not built yet point at the shop's sections that exist. */
export const SiteFooter = component$<{ shopName: string; categories: NavCategory[] }>(
  ({ shopName, categories }) => (
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
              <li>
                <a href="/blog">Blog</a>
              </li>
            </ul>
          </section>
          <section>
            <h2>Help</h2>
            <ul class="footer-links">
              <li>
                <a href="/cart">Your cart</a>
              </li>
              <li>
                <a href="/search">Search the shop</a>
              </li>
              <li>
                <a href="/api/docs">Developer API</a>
              </li>
            </ul>
          </section>
        </div>
        <p class="footer-base">
          © {new Date().getUTCFullYear()} {shopName}. A demo store running on edgeshop.
        </p>
      </div>
    </footer>
  ),
);
