/** The signed-in shopper for an action under the account guard (the guard already redirected anyone else). */
import type { RequestEventCommon } from '@builder.io/qwik-city';
import type { CustomerPrincipal, SignedIn } from '@worker/services/identity/sessions';
import { loginPathFor } from '~/lib/next-path';
import { pageCustomer } from '~/lib/session';

type Event = Pick<
  RequestEventCommon<QwikCityPlatform>,
  'cookie' | 'url' | 'platform' | 'sharedMap' | 'redirect'
>;

/** The session, or a redirect to the login page (a session that ended between the guard and here). */
export async function signedInCustomer(event: Event): Promise<SignedIn<CustomerPrincipal>> {
  const signedIn = await pageCustomer(event);
  if (!signedIn) throw event.redirect(302, loginPathFor(event.url));
  return signedIn;
}
