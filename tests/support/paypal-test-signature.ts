/**
 * How the PayPal stand-in signs webhooks (PayPal itself uses RSA and a certificate; the shop never checks either, it
 * asks PayPal's verify-webhook-signature call): an HMAC over transmission id, time, webhook id and the event's JSON.
 * WebCrypto only, so the stand-in (Node) and the tests (workerd) share it.
 */
const encoder = new TextEncoder();

/** The stand-in's signing key. */
export const PAYPAL_STAND_IN_SIGNING_KEY = 'paypal-stand-in-signing-key';

/** The transmission signature for `event` (parsed JSON, as verify-webhook-signature receives it). */
export async function paypalTestSignature(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  event: unknown,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(PAYPAL_STAND_IN_SIGNING_KEY),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const payload = `${transmissionId}|${transmissionTime}|${webhookId}|${JSON.stringify(event)}`;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)));
  return btoa(String.fromCharCode(...mac));
}
