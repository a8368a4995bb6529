/** The signed-in back office's shell: navigation for the signed-in roles, who is signed in, Log out, main content. */
import { component$, Slot } from '@builder.io/qwik';
import { routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { AdminNav } from '~/components/admin/admin-nav/AdminNav';
import { describeRoles, LOGIN_PATH, navFor } from '~/lib/admin-pages';
import { endPageSession, pageStaff } from '~/lib/session';
import { useShop } from '~/routes/layout';

/** Who is signed in and the links their roles open (the guard in app/routes/admin/layout.tsx let them in). */
export const useAdminShell = routeLoader$(async (event) => {
  const signedIn = await pageStaff(event);
  if (!signedIn) throw event.redirect(302, LOGIN_PATH);
  const { id, name, email, roles } = signedIn.principal;
  return { id, name, email, roles, rolesText: describeRoles(roles), nav: navFor(roles) };
});

/**
 * Logs out on this device: ends the session, clears the cookie, asks the browser to drop its HTTP cache of our pages
 * (`Clear-Site-Data`; the page asks the service worker to drop its own first), then shows the login page.
 */
export const useLogout = routeAction$(async (_, event) => {
  await endPageSession(event, 'staff');
  event.headers.set('Clear-Site-Data', '"cache"');
  throw event.redirect(303, `${LOGIN_PATH}?signedOut=1`);
});

export default component$(() => {
  const shell = useAdminShell();
  const logout = useLogout();
  const shop = useShop();
  const s = shell.value;
  return (
    <div class="adm">
      <a class="adm-skip" href="#main">
        Skip to main content
      </a>
      <AdminNav
        shopName={shop.value.name}
        name={s.name}
        roles={s.rolesText}
        nav={s.nav}
        logoutPath={logout.actionPath}
      />
      <main id="main" class="adm-main" tabIndex={-1}>
        <Slot />
      </main>
    </div>
  );
});
