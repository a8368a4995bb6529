/** The checkout page's CSP names the offered providers' origins, and no other page's does. */
import { createExecutionContext, env } from 'cloudflare:test';
import { createApp } from '@worker/app';
import { describe, expect, it } from 'vitest';

// The real Qwik City build is exercised by the e2e tests; here a handler stands in for the rendered page.
const page = async () =>
  new Response('<!doctype html><p>page</p>', { headers: { 'Content-Type': 'text/html' } });

const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? '').split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

async function cspOf(path: string, bindings: Record<string, unknown> = env as never) {
  const res = await createApp(page).request(path, {}, bindings, createExecutionContext());
  expect(res.status).toBe(200);
  return directives(res.headers.get('Content-Security-Policy'));
}

describe('payment page CSP', () => {
  it('allows Stripe’s script, frames, API and 3-D Secure redirect on /checkout when Stripe is offered', async () => {
    const csp = await cspOf('/checkout');
    expect(csp['script-src']).toEqual([
      expect.stringMatching(/^'nonce-.+'$/),
      "'strict-dynamic'",
      "'self'",
      'https://js.stripe.com',
      'https://*.js.stripe.com',
    ]);
    expect(csp['frame-src']).toEqual([
      "'self'",
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
      'https://m.stripe.network',
    ]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://api.stripe.com']);
    // PayPal (configured in the tests too) adds only its approval pages, where the place-order form redirects.
    expect(csp['form-action']).toEqual([
      "'self'",
      'https://hooks.stripe.com',
      'https://www.paypal.com',
      'https://www.sandbox.paypal.com',
    ]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('keeps the nonce of the response on the checkout page (the page’s own scripts still run)', async () => {
    const res = await createApp(page).request('/checkout', {}, env, createExecutionContext());
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp.match(/'nonce-/g)).toHaveLength(1);
  });

  it('names no provider anywhere else, and on /checkout only those configured', async () => {
    for (const path of ['/', '/cart', '/checkout/complete', '/p/some-product']) {
      const csp = Object.values(await cspOf(path))
        .flat()
        .join(' ');
      expect(csp).not.toContain('stripe');
      expect(csp).not.toContain('paypal');
    }
    const paypalOnly = await cspOf('/checkout', { ...env, STRIPE_SECRET_KEY: undefined });
    expect(Object.values(paypalOnly).flat().join(' ')).not.toContain('stripe');
    expect(paypalOnly['frame-src']).toBeUndefined();
    expect(paypalOnly['script-src']).toHaveLength(3);
    const testOnly = await cspOf('/checkout', {
      ...env,
      STRIPE_SECRET_KEY: undefined,
      PAYPAL_CLIENT_ID: undefined,
    });
    // The same policy as every other page, nonce aside.
    const withoutNonce = (csp: Record<string, string[]>) => ({
      ...csp,
      'script-src': csp['script-src']?.slice(1),
    });
    expect(withoutNonce(testOnly)).toEqual(withoutNonce(await cspOf('/')));
  });
});
