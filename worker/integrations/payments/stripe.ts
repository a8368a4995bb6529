/**
 * Stripe as a PaymentGateway, through the official SDK over `fetch` (Workers have no Node http). The browser's Payment
 * Element only produces a confirmation token; the PaymentIntent (amount, currency, the checkout reference in
 * metadata) is created and confirmed here in one call, so nothing the shopper's browser says sets a price.
 */
import { fail, ok, type Result } from '@domain/core/result';
import Stripe from 'stripe';
import { z } from 'zod';
import type { PaymentGateway, ProviderEvent, ProviderPayment } from './provider';

/** Where the SDK finds Stripe and what it signs with (worker/services/checkout/gateways.ts reads them from env). */
export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Only in tests: the local stand-in (tests/support/stripe-stand-in.ts) instead of api.stripe.com. */
  host?: string | undefined;
  port?: number | undefined;
  protocol?: 'http' | 'https' | undefined;
}

/** Stripe's default webhook tolerance: an event signed longer ago than this is a replay. */
export const STRIPE_WEBHOOK_TOLERANCE_S = 300;

/** A Payment Element confirmation token; anything else is refused before Stripe is asked. */
const ConfirmationToken = z.string().regex(/^ctoken_[A-Za-z0-9_]{1,200}$/);

/** The part of an event we read: which payment it is about (a PaymentIntent, or the charge/dispute's intent). */
const EventObject = z.looseObject({
  object: z.string(),
  id: z.string(),
  payment_intent: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
  /** On a charge: its refunds (charge.refunded). */
  refunds: z
    .looseObject({ data: z.array(z.looseObject({ id: z.string(), status: z.string().nullish() })) })
    .nullish(),
  status: z.string().nullish(),
});

const EVENT_TYPES: Record<string, ProviderEvent['type']> = {
  'payment_intent.succeeded': 'payment.succeeded',
  'payment_intent.payment_failed': 'payment.failed',
  'payment_intent.requires_action': 'payment.requires_action',
  'charge.refunded': 'payment.refunded',
  'refund.updated': 'payment.refunded',
  'charge.refund.updated': 'payment.refunded',
  'charge.dispute.created': 'dispute.created',
};

/** Stripe's PaymentIntent statuses in our words. */
function toProvider(pi: Stripe.PaymentIntent): ProviderPayment {
  const base = {
    ref: pi.id,
    amount: pi.amount,
    currency: pi.currency.toUpperCase(),
    reference: pi.metadata?.checkout ?? '',
  };
  switch (pi.status) {
    case 'succeeded':
      return { ...base, state: 'succeeded' };
    case 'processing':
      return { ...base, state: 'processing' };
    case 'requires_action':
      // Confirmed server-side without use_stripe_sdk, so Stripe asks for a redirect (3-D Secure page).
      return {
        ...base,
        state: 'requires_action',
        actionUrl: pi.next_action?.redirect_to_url?.url ?? undefined,
      };
    case 'canceled':
      return { ...base, state: 'canceled', failureMessage: 'The payment was canceled.' };
    default:
      // requires_payment_method after a decline or a failed authentication (we always confirm on creation).
      return {
        ...base,
        state: 'failed',
        failureMessage: pi.last_payment_error?.message ?? 'The payment did not go through.',
      };
  }
}

/** Turns an SDK error into a Result; a card decline carries the intent it left behind, which is the answer. */
function fromError(error: unknown): Result<ProviderPayment> {
  if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) {
    return ok({
      ...toProvider(error.payment_intent),
      state: 'failed',
      failureMessage: error.message,
    });
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return fail('IDEMPOTENCY_KEY_REUSED', 'This payment key was used for a different payment.');
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
    return fail('NOT_FOUND', 'Stripe has no such payment.');
  }
  if (error instanceof Stripe.errors.StripeError) {
    console.error(
      JSON.stringify({ level: 'error', event: 'stripe-error', type: error.type, message: error.message }),
    );
    return fail(
      'PAYMENT_METHOD_UNAVAILABLE',
      'Stripe could not take the payment right now; nothing was charged.',
    );
  }
  throw error;
}

/** The Stripe gateway for one configuration. */
export function stripeGateway(config: StripeConfig): PaymentGateway {
  const stripe = new Stripe(config.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    // Retries are safe: every write carries an idempotency key.
    maxNetworkRetries: 1,
    timeout: 15_000,
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
  });
  const crypto = Stripe.createSubtleCryptoProvider();

  return {
    id: 'stripe',

    async createPayment(input) {
      const token = ConfirmationToken.safeParse(input.paymentToken);
      if (!token.success) {
        return fail('VALIDATION_FAILED', 'Enter your card details in the payment form.', {
          field: 'paymentToken',
        });
      }
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            metadata: { checkout: input.reference },
            confirm: true,
            confirmation_token: token.data,
            automatic_payment_methods: { enabled: true },
            return_url: input.returnUrl,
          },
          { idempotencyKey: `pi-create:${input.idempotencyKey}` },
        );
        return ok(toProvider(pi));
      } catch (error) {
        return fromError(error);
      }
    },

    async retrievePayment(ref) {
      if (!/^pi_[A-Za-z0-9_]+$/.test(ref)) return fail('NOT_FOUND', 'Stripe has no such payment.');
      try {
        return ok(toProvider(await stripe.paymentIntents.retrieve(ref)));
      } catch (error) {
        return fromError(error);
      }
    },

    async refund(ref, input) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: ref, ...(input.amount === undefined ? {} : { amount: input.amount }) },
          { idempotencyKey: `refund:${input.idempotencyKey}` },
        );
        return ok({ refundRef: refund.id });
      } catch (error) {
        // A refusal (already refunded, more than was captured, a card error) is an answer: nothing was refunded.
        // Anything else (no connection, a timeout, Stripe's own 5xx, a rate limit) leaves the outcome unknown.
        if (
          error instanceof Stripe.errors.StripeInvalidRequestError ||
          error instanceof Stripe.errors.StripeCardError ||
          error instanceof Stripe.errors.StripePermissionError
        ) {
          return fail('CONFLICT', `Stripe refused the refund: ${error.message}`);
        }
        const failed = fromError(error);
        return failed.ok ? fail('CONFLICT', 'Stripe refused the refund.') : failed;
      }
    },

    async verifyWebhook(rawBody, headers, now) {
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          headers.get('Stripe-Signature') ?? '',
          config.webhookSecret,
          STRIPE_WEBHOOK_TOLERANCE_S,
          crypto,
          now,
        );
      } catch {
        return fail('VALIDATION_FAILED', 'Webhook signature is missing, wrong or too old.');
      }
      const type = EVENT_TYPES[event.type] ?? 'other';
      const object = EventObject.safeParse(event.data?.object);
      if (!object.success) return ok({ id: event.id, type: 'other', paymentRef: null });
      const { payment_intent: intent } = object.data;
      const paymentRef =
        object.data.object === 'payment_intent'
          ? object.data.id
          : typeof intent === 'string'
            ? intent
            : (intent?.id ?? null);
      // A refund event names the refund; charge.refunded lists the charge's refunds that succeeded.
      const o = object.data;
      const refundRefs =
        type !== 'payment.refunded'
          ? undefined
          : o.object === 'refund'
            ? o.status === 'succeeded'
              ? [o.id]
              : []
            : (o.refunds?.data ?? []).filter((r) => r.status === 'succeeded').map((r) => r.id);
      return ok({ id: event.id, type, paymentRef, refundRefs });
    },
  };
}
