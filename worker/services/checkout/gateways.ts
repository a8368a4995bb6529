/** Which payment providers this shop offers, and the gateway object for one of them. */
import type { Db } from '@db/client';
import type { PaymentProvider } from '@domain/checkout/payment';
import { fail, ok, type Result } from '@domain/core/result';
import { paypalGateway } from '@worker/integrations/payments/paypal';
import type { PaymentGateway } from '@worker/integrations/payments/provider';
import { stripeGateway } from '@worker/integrations/payments/stripe';
import { type DeliverWebhook, testGateway } from '@worker/integrations/payments/test-gateway';

/** The configuration the payment gateways read (a subset of worker/env.ts Env). */
export interface PaymentsEnv {
  /** "enabled" offers the local test gateway (wrangler.toml [vars]; `npm run deploy` turns it off). */
  TEST_GATEWAY?: string;
  /** Signs the test gateway's webhooks. */
  TEST_GATEWAY_SECRET?: string;
  /** Stripe (secrets): offered only when all three are set. */
  STRIPE_SECRET_KEY?: string;
  STRIPE_PUBLISHABLE_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  /** Tests only: point the Stripe SDK at the local stand-in (host, port, http|https). */
  STRIPE_API_HOST?: string;
  STRIPE_API_PORT?: string;
  STRIPE_API_PROTOCOL?: string;
  /** PayPal (secrets, offered when the three are set); PAYPAL_API_BASE: live unless set to the sandbox (or a stand-in). */
  PAYPAL_CLIENT_ID?: string;
  PAYPAL_CLIENT_SECRET?: string;
  PAYPAL_WEBHOOK_ID?: string;
  PAYPAL_API_BASE?: string;
}

/** PayPal's live API, used when PAYPAL_API_BASE is unset. */
const PAYPAL_LIVE_API = 'https://api-m.paypal.com';

/** Signing secret used when TEST_GATEWAY_SECRET is unset: the test gateway moves no money, so nothing is at stake. */
const LOCAL_TEST_SECRET = 'test-gateway-local-secret';

/** The providers a shopper may choose, in the order the payment step lists them. */
export function availableProviders(env: PaymentsEnv): PaymentProvider[] {
  const providers: PaymentProvider[] = [];
  if (stripeConfigured(env)) providers.push('stripe');
  if (paypalConfigured(env)) providers.push('paypal');
  if (env.TEST_GATEWAY === 'enabled') providers.push('test');
  return providers;
}

/** Stripe needs its secret key, its publishable key (for the Payment Element) and its webhook signing secret. */
function stripeConfigured(env: PaymentsEnv): boolean {
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY && env.STRIPE_WEBHOOK_SECRET);
}

function paypalConfigured(env: PaymentsEnv): boolean {
  return Boolean(env.PAYPAL_CLIENT_ID && env.PAYPAL_CLIENT_SECRET && env.PAYPAL_WEBHOOK_ID);
}

function paypalOf(env: PaymentsEnv): Result<PaymentGateway> {
  if (!paypalConfigured(env)) {
    return fail('PAYMENT_METHOD_UNAVAILABLE', 'Paying with paypal is not set up in this shop.', {
      provider: 'paypal',
    });
  }
  return ok(
    paypalGateway({
      clientId: env.PAYPAL_CLIENT_ID ?? '',
      clientSecret: env.PAYPAL_CLIENT_SECRET ?? '',
      webhookId: env.PAYPAL_WEBHOOK_ID ?? '',
      apiBase: env.PAYPAL_API_BASE || PAYPAL_LIVE_API,
    }),
  );
}

/** The publishable key the payment step hands to Stripe.js, when Stripe is offered. */
export function stripePublishableKey(env: PaymentsEnv): string | null {
  return stripeConfigured(env) ? (env.STRIPE_PUBLISHABLE_KEY ?? null) : null;
}

function stripeOf(env: PaymentsEnv): Result<PaymentGateway> {
  if (!stripeConfigured(env)) {
    return fail('PAYMENT_METHOD_UNAVAILABLE', 'Paying with stripe is not set up in this shop.', {
      provider: 'stripe',
    });
  }
  const port = Number(env.STRIPE_API_PORT);
  const protocol = env.STRIPE_API_PROTOCOL;
  return ok(
    stripeGateway({
      secretKey: env.STRIPE_SECRET_KEY ?? '',
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
      host: env.STRIPE_API_HOST || undefined,
      port: Number.isInteger(port) && port > 0 ? port : undefined,
      protocol: protocol === 'http' || protocol === 'https' ? protocol : undefined,
    }),
  );
}

export type TestGateway = ReturnType<typeof testGateway>;

/** The test gateway, when it is enabled. */
export function testGatewayOf(env: PaymentsEnv, db: Db, deliver: DeliverWebhook): Result<TestGateway> {
  if (env.TEST_GATEWAY !== 'enabled') {
    return fail('PAYMENT_METHOD_UNAVAILABLE', 'The test gateway is not enabled in this shop.');
  }
  return ok(testGateway(db, env.TEST_GATEWAY_SECRET || LOCAL_TEST_SECRET, deliver));
}

/** The gateway for `provider`; PAYMENT_METHOD_UNAVAILABLE when the shop does not offer it. */
export function gatewayFor(
  env: PaymentsEnv,
  db: Db,
  provider: PaymentProvider,
  deliver: DeliverWebhook,
): Result<PaymentGateway> {
  if (provider === 'test') return testGatewayOf(env, db, deliver);
  if (provider === 'stripe') return stripeOf(env);
  if (provider === 'paypal') return paypalOf(env);
  return fail('PAYMENT_METHOD_UNAVAILABLE', `Paying with ${provider} is not set up in this shop.`, {
    provider,
  });
}
