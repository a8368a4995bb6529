/** POST /account/logout: ends this browser's session (or, with `everywhere`, every session of the account). */
import type { RequestHandler } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { deleteSessionsOf } from '@db/repositories/sessions';
import { keepCartWithAccount } from '~/lib/cart-at-login';
import { forgetCartId } from '~/lib/cart-cookie';
import { endPageSession, pageCustomer } from '~/lib/session';

/** Where a logout lands: the login page, which tells the service worker to drop this shopper's cached pages. */
export const SIGNED_OUT_PATH = '/account/login?signed-out=1';

/**
 * As the API's logout does: the session ends, its cookie is cleared, the account's cart leaves this browser with it
 * (the next person here starts with an empty cart; keepCartWithAccount first makes sure the cart used while signed
 * in is the account's, to find again at the next login), and `Clear-Site-Data: "cache"` empties the HTTP cache. The
 * service worker's caches are cleared by the page the redirect lands on (SessionCleanup). Posting here when not
 * signed in is harmless and lands on the same page.
 */
export const onPost: RequestHandler = async (event) => {
  const form = await event.parseBody();
  const everywhere = typeof form === 'object' && form !== null && 'everywhere' in form;
  const signedIn = await pageCustomer(event);
  if (signedIn) {
    await keepCartWithAccount(event, signedIn.principal.id);
    if (everywhere) await deleteSessionsOf(createDb(event.platform.env), 'customer', signedIn.principal.id);
  }
  await endPageSession(event, 'customer');
  forgetCartId(event.cookie, event.url);
  event.headers.set('Clear-Site-Data', '"cache"');
  throw event.redirect(303, SIGNED_OUT_PATH);
};

/** A logout is never a GET (link prefetchers and mail scanners follow links): show the account page instead. */
export const onGet: RequestHandler = ({ redirect }) => {
  throw redirect(302, '/account');
};
