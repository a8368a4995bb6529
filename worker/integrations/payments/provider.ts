/**
 * The one payment-provider interface. Amounts, currency and the checkout reference are always set here on the
 * server; the shopper's browser only ever talks to the provider's own page or fields (PCI DSS SAQ A).
 */
import type { PaymentProvider, PaymentState } from '@domain/checkout/payment';
import type { Result } from '@domain/core/result';

/** A payment as the provider reports it. */
export interface ProviderPayment {
  ref: string;
  state: PaymentState;
  amount: number;
  currency: string;
  /** The checkout it pays for, as we told the provider (metadata / custom id). */
  reference: string;
  /** Where the shopper must go next when `state` is `requires_action` (3-D Secure, PayPal approval). */
  actionUrl?: string | undefined;
  /** Why it failed, in words a shopper can act on. */
  failureMessage?: string | undefined;
  /** Approved by the shopper but not taken yet (PayPal's APPROVED order, when looked at without capturing). */
  awaitingCapture?: boolean | undefined;
}

/** What a verified webhook tells us, in provider-neutral words. */
export interface ProviderEvent {
  /** The provider's event id: the same event delivered twice has the same id. */
  id: string;
  type:
    | 'payment.succeeded'
    | 'payment.failed'
    | 'payment.requires_action'
    | 'payment.refunded'
    | 'dispute.created'
    | 'other';
  paymentRef: string | null;
  /** On `payment.refunded`: the provider's ids of the refunds it settled (confirming our pending refund rows). */
  refundRefs?: string[] | undefined;
}

export interface CreatePaymentInput {
  amount: number;
  currency: string;
  /** The checkout id: sent as metadata and echoed by every webhook. */
  reference: string;
  /** Derived from the shopper's place-order Idempotency-Key: a retry never creates a second payment. */
  idempotencyKey: string;
  email: string;
  /** What the browser's payment step produced (a Stripe confirmation token, a test card); provider-specific. */
  paymentToken?: string | undefined;
  /** Where the provider sends the shopper back after an approval or authentication page. */
  returnUrl: string;
}

/** A payment provider: Stripe, PayPal or the local test gateway. */
export interface PaymentGateway {
  readonly id: PaymentProvider;
  /** Creates (and, where the provider can, confirms) a payment. Replaying the idempotency key returns the same one. */
  createPayment(input: CreatePaymentInput): Promise<Result<ProviderPayment>>;
  /**
   * The payment's state as the provider knows it now (never trust the browser's word). A payment the shopper approved
   * but the shop must still capture (PayPal) is captured here, unless `capture` is false: then it is only looked at.
   */
  retrievePayment(ref: string, options?: { capture?: boolean }): Promise<Result<ProviderPayment>>;
  /** Returns money: all of it when `amount` is omitted. */
  refund(
    ref: string,
    input: { amount?: number; idempotencyKey: string },
  ): Promise<Result<{ refundRef: string }>>;
  /** Verifies a webhook's signature over the raw body and reads it; CONFLICT-free: a bad signature is VALIDATION_FAILED. */
  verifyWebhook(rawBody: string, headers: Headers, now: number): Promise<Result<ProviderEvent>>;
}
