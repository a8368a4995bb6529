/**
 * The back office's frame around every signed-in page: brand, the links the signed-in roles may open, who is signed
 * in, and Log out. A sidebar on laptops; a top bar with a scrolling row of links on tablets and phones.
 */
import { $, component$ } from '@builder.io/qwik';
import { useLocation } from '@builder.io/qwik-city';
import { AdminIcon } from '~/components/admin/admin-icon/AdminIcon';
import type { NavItem } from '~/lib/admin-pages';
import { endSessionOnDevice } from '~/lib/offline/sw-messages';

interface Props {
  shopName: string;
  name: string;
  roles: string;
  nav: NavItem[];
  /** The logout action's form URL (`?qaction=…`). */
  logoutPath: string;
}

function isCurrent(href: string, pathname: string): boolean {
  return href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

export const AdminNav = component$<Props>(({ shopName, name, roles, nav, logoutPath }) => {
  const loc = useLocation();
  const pathname = loc.url.pathname.replace(/\/$/, '') || '/';
  // The service worker forgets this device's cached pages first; then the form posts as it would without JavaScript
  // (form.submit() fires no second submit event), and the server ends the session and redirects to the login page.
  const logOut = $(async (_: SubmitEvent, form: HTMLFormElement) => {
    await endSessionOnDevice();
    form.submit();
  });
  return (
    <header class="adm-side">
      <a class="adm-brand" href="/admin">
        <span class="adm-brand-mark" aria-hidden="true">
          {shopName.slice(0, 1)}
        </span>
        <span>
          {shopName}
          <span class="adm-brand-sub">Back office</span>
        </span>
      </a>
      <nav class="adm-nav" aria-label="Back office">
        <ul>
          {nav.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={isCurrent(item.href, pathname) ? 'page' : undefined}>
                <AdminIcon name={item.icon} />
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="adm-user">
        <p class="adm-user-name">{name}</p>
        <p class="adm-user-roles">{roles}</p>
        <form method="post" action={logoutPath} preventdefault:submit onSubmit$={logOut}>
          <button type="submit" class="adm-btn adm-btn-ghost adm-btn-sm">
            <AdminIcon name="logout" />
            Log out
          </button>
        </form>
      </div>
    </header>
  );
});
