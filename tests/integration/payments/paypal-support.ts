/** Helpers for the PayPal tests: placing an order, the stand-in's approval page and record, signed webhooks. */
import { env } from 'cloudflare:workers';
import { newId } from '@domain/core/ids';
import type { Api } from '@tests/integration/checkout/support';
import type { PayPalRecordedRequest } from '@tests/support/paypal-stand-in';
import { paypalTestSignature } from '@tests/support/paypal-test-signature';
import { jsonBody } from '@tests/support/workerd';

/** Places the order with PayPal (no token: the shopper approves on PayPal's page). */
export function placePayPalOrder(api: Api, checkoutId: string, key = newId('request')) {
  return api(
    `/api/checkouts/${checkoutId}/orders`,
    jsonBody({ provider: 'paypal' }, { 'Idempotency-Key': key }),
  );
}

/** The buyer approves on PayPal's page; `declined`: their funding will be refused at capture. */
export async function approve(actionUrl: string, declined = false) {
  const res = await fetch(`${actionUrl}${declined ? '?instrument=declined' : ''}`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`approve: ${res.status}`);
}

/** Every API request the PayPal stand-in received. */
export async function paypalRequests(): Promise<PayPalRecordedRequest[]> {
  return (await (
    await fetch(`${env.PAYPAL_API_BASE}/__stand-in/requests`)
  ).json()) as PayPalRecordedRequest[];
}

/** A PayPal event posted to the shop, signed the stand-in's way at `sentAt` (ms). */
export async function postPayPalWebhook(
  api: Api,
  event: Record<string, unknown>,
  options: { sentAt?: number; forge?: boolean } = {},
) {
  const transmissionId = crypto.randomUUID();
  const time = new Date(options.sentAt ?? Date.now()).toISOString();
  const signature = await paypalTestSignature(transmissionId, time, env.PAYPAL_WEBHOOK_ID ?? '', event);
  return api('/api/webhooks/paypal', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'PAYPAL-TRANSMISSION-ID': transmissionId,
      'PAYPAL-TRANSMISSION-TIME': time,
      'PAYPAL-TRANSMISSION-SIG': options.forge ? forged(signature) : signature,
      'PAYPAL-AUTH-ALGO': 'SHA256withRSA',
      'PAYPAL-CERT-URL': 'https://api.paypal.com/v1/notifications/certs/CERT-stand-in',
    },
    body: JSON.stringify(event),
  });
}

/** `signature` with its first character changed (a fixed replacement would sometimes equal it: 1 in 64 runs). */
const forged = (signature: string) => `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;

/** PAYMENT.CAPTURE.COMPLETED for `orderId`, as PayPal sends it. */
export const captureCompleted = (eventId: string, orderId: string) => ({
  id: eventId,
  event_type: 'PAYMENT.CAPTURE.COMPLETED',
  resource: {
    id: 'CAPTURE',
    status: 'COMPLETED',
    supplementary_data: { related_ids: { order_id: orderId } },
  },
});
