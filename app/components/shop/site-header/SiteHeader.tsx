/**
 * The shop header: brand, search, account link (and Log out), cart link, and the category navigation. The same for
 * every shopper (catalog pages are cached publicly): the cart count and the signed-in name are filled in by
 * SessionIsland in the browser. Without JavaScript the links still go to /account and /cart.
 */
import { $, component$ } from '@builder.io/qwik';
import { useLocation } from '@builder.io/qwik-city';
import type { ShopNavLink } from '@worker/services/content/shop-content';
import { LogoutForm } from '~/components/shop/logout-form/LogoutForm';
import { SessionIsland } from '~/components/shop/session-island/SessionIsland';
import { Icon } from '~/components/ui/icon/Icon';

/** A category link in the navigation. */
export interface NavCategory {
  slug: string;
  name: string;
}

interface Props {
  shopName: string;
  categories: NavCategory[];
  /** The header menu's links (the navigation editor's), after the categories. */
  links: ShopNavLink[];
}

/**
 * Suggestions as you type fill a native <datalist> (the browser shows them, announces them and lets the keyboard pick
 * one). Plain DOM work in a lazily loaded handler, no component state: the page's first load carries none of it, and
 * the header never re-renders. A newer keystroke wins over an older answer; offline there are simply no suggestions.
 */
const fillSuggestions = $(async (_: Event, input: HTMLInputElement) => {
  const typed = input.value.trim();
  input.dataset.typed = typed; // the newest keystroke's text: older answers are dropped
  const list = document.getElementById('search-suggestions');
  if (!list) return;
  if (typed.length < 2) {
    list.replaceChildren();
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, 150)); // wait for a pause in typing
  if (typed !== input.dataset.typed) return;
  try {
    const res = await fetch(`/api/search/suggestions?q=${encodeURIComponent(typed)}`);
    if (!res.ok || typed !== input.dataset.typed) return;
    const { items } = (await res.json()) as { items: { name: string }[] };
    list.replaceChildren(
      ...items.map(({ name }) => Object.assign(document.createElement('option'), { value: name })),
    );
  } catch {
    // No network: no suggestions; the search form itself still works.
  }
});

/** Header with a GET search form that works without JavaScript. */
export const SiteHeader = component$<Props>(({ shopName, categories, links }) => {
  const loc = useLocation();
  const q = loc.url.pathname.startsWith('/search') ? (loc.url.searchParams.get('q') ?? '') : '';
  return (
    <header class="site-header">
      <div class="container header-bar">
        <a class="brand" href="/">
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" fill="#f2a541" />
            <path d="M9 23V9l14 14V9" fill="none" stroke="#0f2138" stroke-width="3" stroke-linejoin="round" />
          </svg>
          {shopName}
        </a>
        <search class="search-form">
          <form action="/search" method="get">
            <label class="visually-hidden" for="site-search">
              Search products
            </label>
            <input
              id="site-search"
              type="search"
              name="q"
              value={q}
              placeholder="Search products"
              maxLength={100}
              // `list` is a standard input attribute Qwik's JSX types lack; a spread passes it through as is.
              {...{ list: 'search-suggestions' }}
              autoComplete="off"
              onInput$={fillSuggestions}
            />
            <datalist id="search-suggestions" />
            <button type="submit">
              <Icon name="search" />
              <span class="visually-hidden">Search</span>
            </button>
          </form>
        </search>
        <div class="header-actions">
          <a class="header-action" href="/account" data-session="account">
            <Icon name="user" />
            <span class="header-action-text" data-session="account-text">
              Account
            </span>
            <span class="visually-hidden" data-session="account-hint" />
          </a>
          {/* Shown by SessionIsland once it knows a customer is signed in (the account pages offer it too). */}
          <div data-session="logout" hidden>
            <LogoutForm buttonClass="header-action" compact />
          </div>
          {/* The accessible name ("Cart 2 items") starts with the visible text ("Cart 2"), as WCAG 2.5.3 asks. */}
          <a class="cart-link" href="/cart">
            <Icon name="cart" />
            <span class="cart-link-text">Cart</span>{' '}
            <span class="cart-count" data-testid="cart-count" data-session="cart-count" />
            <span class="visually-hidden" data-session="cart-unit" />
          </a>
          <SessionIsland />
        </div>
      </div>
      <div class="category-nav">
        <div class="container">
          <nav aria-label="Categories">
            <ul class="category-links">
              {categories.map((c) => {
                const href = `/c/${c.slug}`;
                const current = loc.url.pathname === href;
                return (
                  <li key={c.slug}>
                    <a href={href} aria-current={current ? 'page' : undefined}>
                      {c.name}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          {links.length > 0 && (
            <nav aria-label="Featured">
              <ul class="category-links">
                {links.map((l) => (
                  <li key={l.href}>
                    <a href={l.href} aria-current={loc.url.pathname === l.href ? 'page' : undefined}>
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </header>
  );
});
