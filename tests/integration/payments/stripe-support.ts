/** Helpers for the Stripe tests: placing an order with a confirmation token, signed events, the stand-in's record. */
import { env } from 'cloudflare:workers';
import { newId } from '@domain/core/ids';
import type { Api } from '@tests/integration/checkout/support';
import type { StripeRecordedRequest } from '@tests/support/stripe-stand-in';
import { jsonBody } from '@tests/support/workerd';
import Stripe from 'stripe';

/** The stand-in's base URL, as the Worker reaches it. */
export const standInUrl = () => `http://${env.STRIPE_API_HOST}:${env.STRIPE_API_PORT}`;

/** Places the order with Stripe and the Payment Element's confirmation token. */
export function placeStripeOrder(api: Api, checkoutId: string, token: string, key = newId('request')) {
  return api(
    `/api/checkouts/${checkoutId}/orders`,
    jsonBody({ provider: 'stripe', paymentToken: token }, { 'Idempotency-Key': key }),
  );
}

/** Every API request the stand-in received about `intent` (its creation found by the checkout metadata). */
export async function standInRequests(): Promise<StripeRecordedRequest[]> {
  const res = await fetch(`${standInUrl()}/__stand-in/requests`);
  return (await res.json()) as StripeRecordedRequest[];
}

/** The 3-D Secure page's answer for a payment that requires action. */
export async function authenticate(actionUrl: string, approve: boolean) {
  const res = await fetch(`${actionUrl}?approve=${approve}`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`authenticate: ${res.status}`);
}

const sdk = new Stripe('sk_test_unused', { httpClient: Stripe.createFetchHttpClient() });

/** A Stripe event about `paymentIntent` as Stripe would post it, signed with the shop's secret at `timestampS`. */
export async function signedEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; timestampS?: number; secret?: string } = {},
) {
  const payload = JSON.stringify({
    id: options.id ?? newId('event').replace(/^evt_?/, 'evt_'),
    object: 'event',
    type,
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  });
  const signature = await sdk.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? env.STRIPE_WEBHOOK_SECRET ?? '',
    timestamp: options.timestampS ?? Math.floor(Date.now() / 1000),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return { payload, signature };
}

/** Posts a signed event to the shop's Stripe webhook. */
export function postWebhook(api: Api, event: { payload: string; signature: string }) {
  return api('/api/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signature },
    body: event.payload,
  });
}
