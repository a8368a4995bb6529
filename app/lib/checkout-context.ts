/** The checkout services' context for a page's loader or action, built as the API's `checkoutContext` builds it. */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { CheckoutContext } from '@worker/services/checkout/context';
import { publicOrigin } from '@worker/services/shop/settings';
import { pageCustomer } from '~/lib/session';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'url' | 'cookie' | 'sharedMap'>;

export async function pageCheckoutContext(event: Event): Promise<CheckoutContext> {
  const env = event.platform.env;
  const customer = await pageCustomer(event);
  return {
    env,
    db: createDb(env),
    now: Date.now(),
    customerId: customer?.principal.id ?? null,
    origin: publicOrigin(env, event.url.href),
    waitUntil: (p) => event.platform.ctx.waitUntil(p),
  };
}
