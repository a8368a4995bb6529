/**
 * The back office (every page under /admin): the page guard, staff-only response headers and the admin styles.
 * Deny by default: a page opens only when app/lib/admin-pages.ts has a rule for its path that the signed-in roles
 * satisfy. No staff session: redirect to the login page (with `next`); a rule the roles lack, or no rule at all:
 * the 403 page, rendered in place (a rewrite, so the address stays and no loader or action of the refused page runs).
 */
import { component$, Slot, useStyles$ } from '@builder.io/qwik';
import type { DocumentHead, RequestHandler } from '@builder.io/qwik-city';
import styles from '~/components/admin/admin.css?inline';
import { decidePage, FORBIDDEN_PATH, LOGIN_PATH } from '~/lib/admin-pages';
import { pageStaff } from '~/lib/session';

/** Set on the request the guard refused, so the rewritten request renders the 403 page instead of looping. */
const REFUSED = 'admin:refused';

/** Qwik's own query parameters (action and data calls), left out of the `next` address. */
const QWIK_PARAMS = ['qaction', 'qdata', 'qfunc', 'qloaders'];

export const onRequest: RequestHandler = async (event) => {
  // Staff pages hold personal data and change hands on shared devices: no cache (the service worker's included).
  event.headers.set('Cache-Control', 'no-store');
  event.headers.set('X-Robots-Tag', 'noindex');
  if (event.sharedMap.has(REFUSED)) return;
  const signedIn = await pageStaff(event);
  const decision = decidePage(event.url.pathname, signedIn?.principal.roles ?? null);
  if (decision === 'login') {
    const search = new URLSearchParams(event.url.search);
    for (const p of QWIK_PARAMS) search.delete(p);
    const next = `${event.url.pathname}${search.size ? `?${search}` : ''}`;
    throw event.redirect(302, `${LOGIN_PATH}?next=${encodeURIComponent(next)}`);
  }
  if (decision === 'forbidden') {
    event.sharedMap.set(REFUSED, true);
    event.status(403);
    throw event.rewrite(FORBIDDEN_PATH);
  }
};

export default component$(() => {
  useStyles$(styles);
  return <Slot />;
});

export const head: DocumentHead = { meta: [{ name: 'robots', content: 'noindex' }] };
