/**
 * The checkout page's Content-Security-Policy: the site-wide policy (security-headers.ts) widened by exactly the
 * origins of the payment providers this shop offers, and only on /checkout, so no other page may load or frame a
 * provider (PCI DSS 6.4.3: the payment page's scripts are authorised and listed, docs/security.md).
 */
import type { PaymentProvider } from '@domain/checkout/payment';
import type { AppEnv } from '@worker/http/app-env';
import { availableProviders } from '@worker/services/checkout/gateways';
import { createMiddleware } from 'hono/factory';
import { CSP_DIRECTIVES } from './security-headers';

type Directive = 'scriptSrc' | 'frameSrc' | 'connectSrc' | 'formAction';

/**
 * What each provider needs on the payment page. Stripe: Stripe.js and the Payment Element's frames, as Stripe's
 * security guide lists them (m.stripe.network is Stripe.js's fraud-signal frame); hooks.stripe.com is also the 3-D
 * Secure page our place-order form redirects to, which CSP's form-action governs. PayPal: no script at all (the
 * shopper approves on PayPal's own page), so only the approval redirect after the form post.
 */
export const PAYMENT_PAGE_SOURCES: Record<PaymentProvider, Partial<Record<Directive, string[]>>> = {
  test: {},
  stripe: {
    scriptSrc: ['https://js.stripe.com', 'https://*.js.stripe.com'],
    frameSrc: [
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
      'https://m.stripe.network',
    ],
    connectSrc: ['https://api.stripe.com'],
    formAction: ['https://hooks.stripe.com'],
  },
  paypal: {
    formAction: ['https://www.paypal.com', 'https://www.sandbox.paypal.com'],
  },
};

/** The payment page's policy for `providers`, with this response's script nonce. */
export function paymentPageContentSecurityPolicy(nonce: string, providers: PaymentProvider[]): string {
  const extra = (directive: Directive) => providers.flatMap((p) => PAYMENT_PAGE_SOURCES[p][directive] ?? []);
  const { defaultSrc, ...others } = CSP_DIRECTIVES;
  const directives: Record<string, string[]> = {
    defaultSrc,
    // Under 'strict-dynamic' CSP3 browsers ignore host sources (Stripe.js is injected by our nonce-trusted code);
    // the hosts are there for CSP2 browsers.
    scriptSrc: [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'", ...extra('scriptSrc')],
    ...others,
    connectSrc: [...others.connectSrc, ...extra('connectSrc')],
    formAction: [...others.formAction, ...extra('formAction')],
  };
  // Without a provider's frames, default-src 'self' already says everything about frames.
  if (extra('frameSrc').length > 0) directives.frameSrc = ["'self'", ...extra('frameSrc')];
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/** Sets the payment page's policy on /checkout's HTML; securityHeaders (overwrite: false) then leaves it alone. */
export const paymentPageCsp = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!/^text\/html\b/i.test(c.res.headers.get('Content-Type') ?? '')) return;
  const nonce = c.get('secureHeadersNonce') ?? '';
  c.res.headers.set(
    'Content-Security-Policy',
    paymentPageContentSecurityPolicy(nonce, availableProviders(c.env)),
  );
});
