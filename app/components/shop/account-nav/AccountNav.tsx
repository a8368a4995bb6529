/** The account area's navigation: its pages, the current one marked, and the Log out button. */
import { component$ } from '@builder.io/qwik';
import { useLocation } from '@builder.io/qwik-city';
import { LogoutForm } from '~/components/shop/logout-form/LogoutForm';

const PAGES = [
  { href: '/account', label: 'Overview' },
  { href: '/account/orders', label: 'Orders' },
  { href: '/account/reviews', label: 'Reviews' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/profile', label: 'Profile and password' },
  { href: '/account/privacy', label: 'Privacy and data' },
] as const;

/** A side column on wide screens, a scrolling row of links on phones. */
export const AccountNav = component$(() => {
  const path = useLocation().url.pathname.replace(/\/$/, '') || '/';
  return (
    <nav class="account-nav" aria-label="Your account">
      <ul class="account-nav-list">
        {PAGES.map((p) => {
          // An order's page belongs to Orders.
          const current = path === p.href || (p.href !== '/account' && path.startsWith(`${p.href}/`));
          return (
            <li key={p.href}>
              <a class="account-nav-link" href={p.href} aria-current={current ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          );
        })}
      </ul>
      <LogoutForm buttonClass="btn btn-secondary account-nav-logout" />
    </nav>
  );
});
