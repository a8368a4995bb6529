/**
 * The test gateway signs its webhooks the way Stripe does (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`) so the
 * receiving side is exercised the same way: raw body, constant-time comparison, a 300 s tolerance against replays.
 */

/** Signature header the test gateway sends. */
export const TEST_SIGNATURE_HEADER = 'Test-Gateway-Signature';

/** How old a signed timestamp may be (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_S = 300;

const encoder = new TextEncoder();

async function hmacHex(secret: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The header value for `body` signed at `nowMs`. */
export async function signTestPayload(secret: string, body: string, nowMs: number): Promise<string> {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

/** True when `header` signs `body` with `secret` within the tolerance. */
export async function verifyTestSignature(
  secret: string,
  body: string,
  header: string | null,
  nowMs: number,
): Promise<boolean> {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || Math.abs(nowMs / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  if (expected.length !== v1.length) return false;
  let diff = 0; // every character compared, so the time taken says nothing about where they differ
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ v1.charCodeAt(i);
  return diff === 0;
}
