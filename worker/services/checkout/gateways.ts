/** Which payment providers this shop offers, and the gateway object for one of them. */
import type { Db } from '@db/client';
import type { PaymentProvider } from '@domain/checkout/payment';
import { fail, ok, type Result } from '@domain/core/result';
import type { PaymentGateway } from '@worker/integrations/payments/provider';
import { type DeliverWebhook, testGateway } from '@worker/integrations/payments/test-gateway';

/** The configuration the payment gateways read (a subset of worker/env.ts Env). */
export interface PaymentsEnv {
  /** "enabled" offers the local test gateway (wrangler.toml [vars]; `npm run deploy` turns it off). */
  TEST_GATEWAY?: string;
  /** Signs the test gateway's webhooks. */
  TEST_GATEWAY_SECRET?: string;
}

/** Signing secret used when TEST_GATEWAY_SECRET is unset: the test gateway moves no money, so nothing is at stake. */
const LOCAL_TEST_SECRET = 'test-gateway-local-secret';

/** The providers a shopper may choose, in the order the payment step lists them. */
export function availableProviders(env: PaymentsEnv): PaymentProvider[] {
  return env.TEST_GATEWAY === 'enabled' ? ['test'] : [];
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
  return fail('PAYMENT_METHOD_UNAVAILABLE', `Paying with ${provider} is not set up in this shop.`, {
    provider,
  });
}
