/**
 * Runs in Node before the workerd project starts: the Stripe and PayPal stand-ins (tests/support/*-stand-in.ts)
 * listen on loopback, and their addresses reach the Worker as bindings (vitest.config.ts reads them with `inject`).
 */
import type { TestProject } from 'vitest/node';
import { startPayPalStandIn } from './paypal-stand-in';
import { startStripeStandIn } from './stripe-stand-in';

declare module 'vitest' {
  export interface ProvidedContext {
    stripeStandInPort: number;
    stripeStandInSecretKey: string;
    paypalStandIn: { base: string; clientId: string; clientSecret: string; webhookId: string };
  }
}

export default async function setup(project: TestProject) {
  const stripe = await startStripeStandIn();
  project.provide('stripeStandInPort', stripe.port);
  project.provide('stripeStandInSecretKey', stripe.secretKey);
  const paypal = await startPayPalStandIn();
  project.provide('paypalStandIn', {
    base: `http://127.0.0.1:${paypal.port}`,
    clientId: paypal.clientId,
    clientSecret: paypal.clientSecret,
    webhookId: paypal.webhookId,
  });
  return async () => {
    await stripe.close();
    await paypal.close();
  };
}
