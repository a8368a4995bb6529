/** Payment providers and what a payment can be doing, in the words every provider's answer is mapped to. */
import { z } from 'zod';

/** The providers a checkout can pay with; `test` is the local gateway (no money moves). */
export const PAYMENT_PROVIDERS = ['test', 'stripe', 'paypal'] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];
export const PaymentProviderSchema = z.enum(PAYMENT_PROVIDERS);

/**
 * A payment's state, provider-neutral: `succeeded` (money captured), `requires_action` (the shopper must do
 * something: authenticate, approve at PayPal), `processing` (the provider will tell us by webhook), `failed`
 * (declined or errored; the shopper may try again) and `canceled`.
 */
export const PAYMENT_STATES = ['requires_action', 'processing', 'succeeded', 'failed', 'canceled'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * The test gateway's cards, each a documented outcome (README, "Paying with the test gateway"). They stand in for
 * what a real provider's card form would produce; no card number exists anywhere.
 */
export const TEST_CARDS = ['success', 'decline', 'requires_action', 'delayed_webhook'] as const;
export type TestCard = (typeof TEST_CARDS)[number];
export const TestCardSchema = z.enum(TEST_CARDS);

/** What each test card does, as the payment step shows it. */
export const TEST_CARD_LABELS: Record<TestCard, string> = {
  success: 'Payment succeeds',
  decline: 'Card is declined',
  requires_action: 'Bank asks the shopper to authenticate',
  delayed_webhook: 'Payment succeeds; the gateway confirms a few seconds later',
};
