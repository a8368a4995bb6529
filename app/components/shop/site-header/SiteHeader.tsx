/** The shop header: brand, search, account link (and Log out), cart link with its item count, and the category navigation. */
import { $, component$ } from '@builder.io/qwik';
import { useLocation } from '@builder.io/qwik-city';
import { LogoutForm } from '~/components/shop/logout-form/LogoutForm';
import { Icon } from '~/components/ui/icon/Icon';
import { loginPathFor } from '~/lib/next-path';

/** A category link in the navigation. */
export interface NavCategory {
  slug: string;
  name: string;
}

interface Props {
  shopName: string;
  categories: NavCategory[];
  cartCount: number;
  signedIn: boolean;
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
export const SiteHeader = component$<Props>(({ shopName, categories, cartCount, signedIn }) => {
  const loc = useLocation();
  const q = loc.url.pathname.startsWith('/search') ? (loc.url.searchParams.get('q') ?? '') : '';
  // "Log in" brings the shopper back to this page afterwards, except from the account pages themselves.
  const inAccount = loc.url.pathname.startsWith('/account');
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
          {signedIn ? (
            <>
              <a class="header-action" href="/account">
                <Icon name="user" />
                <span class="header-action-text">Account</span>
              </a>
              <LogoutForm buttonClass="header-action" compact />
            </>
          ) : (
            <a class="header-action" href={inAccount ? '/account/login' : loginPathFor(loc.url)}>
              <Icon name="user" />
              <span class="header-action-text">Log in</span>
            </a>
          )}
          {/* The accessible name ("Cart 2 items") starts with the visible text ("Cart 2"), as WCAG 2.5.3 asks. */}
          <a class="cart-link" href="/cart">
            <Icon name="cart" />
            <span class="cart-link-text">Cart</span>{' '}
            <span class="cart-count" data-testid="cart-count">
              {cartCount}
            </span>
            <span class="visually-hidden"> {cartCount === 1 ? 'item' : 'items'}</span>
          </a>
        </div>
      </div>
      <nav class="category-nav" aria-label="Categories">
        <div class="container">
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
        </div>
      </nav>
    </header>
  );
});
