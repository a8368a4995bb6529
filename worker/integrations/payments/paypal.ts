/**
 * PayPal as a PaymentGateway: Orders v2 over plain `fetch` (PayPal's server SDK pulls in axios, which fails on
 * Workers). The order (intent CAPTURE, amount, currency, our checkout as custom_id) is created here; the shopper
 * approves on PayPal's page (our `actionUrl`) and the capture happens when we next look at the order (the return
 * page, a webhook), so an approved order is captured whoever reports it first: PayPal-Request-Id makes that once.
 */

import { fail, ok, type Result } from '@domain/core/result';
import { minorUnitsOf, toDecimalString } from '@domain/pricing/money';
import { z } from 'zod';
import type { PaymentGateway, ProviderEvent, ProviderPayment } from './provider';

export interface PayPalConfig {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** https://api-m.paypal.com (live), https://api-m.sandbox.paypal.com (sandbox), or the tests' stand-in. */
  apiBase: string;
}

/** How old a webhook's transmission time may be (PayPal's verification call does not check replays). */
export const PAYPAL_WEBHOOK_TOLERANCE_S = 300;

const Amount = z.object({ currency_code: z.string(), value: z.string().regex(/^\d+(\.\d+)?$/) });
const Capture = z.looseObject({ id: z.string(), status: z.string(), amount: Amount.optional() });
const Order = z.looseObject({
  id: z.string(),
  status: z.string(),
  links: z.array(z.looseObject({ rel: z.string(), href: z.string() })).default([]),
  purchase_units: z
    .array(
      z.looseObject({
        custom_id: z.string().optional(),
        amount: Amount.optional(),
        payments: z.looseObject({ captures: z.array(Capture).default([]) }).optional(),
      }),
    )
    .default([]),
});
type Order = z.infer<typeof Order>;

const Event = z.looseObject({
  id: z.string().min(1).max(128),
  event_type: z.string(),
  resource: z
    .looseObject({
      id: z.string().optional(),
      supplementary_data: z
        .looseObject({ related_ids: z.looseObject({ order_id: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
});

const EVENT_TYPES: Record<string, ProviderEvent['type']> = {
  'CHECKOUT.ORDER.APPROVED': 'payment.requires_action',
  'PAYMENT.CAPTURE.COMPLETED': 'payment.succeeded',
  'PAYMENT.CAPTURE.PENDING': 'payment.requires_action',
  'PAYMENT.CAPTURE.DENIED': 'payment.failed',
  'PAYMENT.CAPTURE.DECLINED': 'payment.failed',
  'PAYMENT.CAPTURE.REFUNDED': 'payment.refunded',
  'CUSTOMER.DISPUTE.CREATED': 'dispute.created',
};

/** "19.99" USD → 1999, without floating point. */
function toMinor(value: string, currency: string): number {
  const digits = minorUnitsOf(currency);
  const [whole = '0', fraction = ''] = value.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
}

function toProvider(order: Order, failureMessage?: string): ProviderPayment {
  const unit = order.purchase_units[0];
  const capture = unit?.payments?.captures[0];
  const amount = unit?.amount ?? capture?.amount;
  const base = {
    ref: order.id,
    amount: amount ? toMinor(amount.value, amount.currency_code) : 0,
    currency: amount?.currency_code ?? '',
    reference: unit?.custom_id ?? '',
  };
  if (failureMessage) return { ...base, state: 'failed', failureMessage };
  const approve = order.links.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href;
  switch (order.status) {
    case 'COMPLETED':
      if (capture?.status === 'COMPLETED') return { ...base, state: 'succeeded' };
      if (capture?.status === 'PENDING') return { ...base, state: 'processing' };
      return { ...base, state: 'failed', failureMessage: 'PayPal declined the payment.' };
    case 'VOIDED':
      return { ...base, state: 'canceled', failureMessage: 'The PayPal order was canceled.' };
    case 'APPROVED':
      return { ...base, state: 'processing' };
    default:
      // CREATED / PAYER_ACTION_REQUIRED: the shopper has yet to approve at PayPal.
      return { ...base, state: 'requires_action', actionUrl: approve };
  }
}

const unavailable = () =>
  fail('PAYMENT_METHOD_UNAVAILABLE', 'PayPal could not take the payment right now; nothing was charged.');

/**
 * How long one PayPal call may take (as the Stripe SDK's timeout): a placement must store its payment well within
 * the 2 minutes after which a webhook takes it for dead (complete.ts PLACEMENT_GRACE_MS).
 */
const PAYPAL_TIMEOUT_MS = 15_000;

/** The PayPal gateway for one configuration. */
export function paypalGateway(config: PayPalConfig): PaymentGateway {
  const base = config.apiBase.replace(/\/+$/, '');
  let token: Promise<string | null> | undefined;

  /** One OAuth2 client-credentials token per gateway (a gateway lives for one request). */
  const accessToken = () => {
    token ??= (async () => {
      try {
        const res = await fetch(`${base}/v1/oauth2/token`, {
          method: 'POST',
          headers: {
            Authorization: `Basic ${btoa(`${config.clientId}:${config.clientSecret}`)}`,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
          signal: AbortSignal.timeout(PAYPAL_TIMEOUT_MS),
        });
        if (!res.ok) return null;
        const parsed = z.object({ access_token: z.string().min(1) }).safeParse(await res.json());
        return parsed.success ? parsed.data.access_token : null;
      } catch {
        return null; // unreachable or timed out: the caller answers "PayPal is unavailable"
      }
    })();
    return token;
  };

  /** A PayPal API call; writes carry PayPal-Request-Id so a repeat is answered with the first result. */
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; requestId?: string } = {},
  ): Promise<{ status: number; json: unknown } | null> => {
    const bearer = await accessToken();
    if (!bearer) return null;
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${bearer}`,
          'Content-Type': 'application/json',
          Prefer: 'return=representation',
          ...(options.requestId ? { 'PayPal-Request-Id': options.requestId } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: AbortSignal.timeout(PAYPAL_TIMEOUT_MS),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    } catch {
      return null;
    }
  };

  const getOrder = async (ref: string): Promise<Result<Order>> => {
    if (!/^[A-Z0-9]{1,36}$/.test(ref)) return fail('NOT_FOUND', 'PayPal has no such order.');
    const res = await call('GET', `/v2/checkout/orders/${ref}`);
    if (!res) return unavailable();
    if (res.status === 404) return fail('NOT_FOUND', 'PayPal has no such order.');
    const order = Order.safeParse(res.json);
    return res.status === 200 && order.success ? ok(order.data) : unavailable();
  };

  return {
    id: 'paypal',

    async createPayment(input) {
      const res = await call('POST', '/v2/checkout/orders', {
        requestId: `order-create:${input.idempotencyKey}`,
        body: {
          intent: 'CAPTURE',
          purchase_units: [
            {
              custom_id: input.reference,
              amount: {
                currency_code: input.currency,
                value: toDecimalString({ amount: input.amount, currency: input.currency }),
              },
            },
          ],
          payment_source: {
            paypal: {
              experience_context: {
                user_action: 'PAY_NOW',
                shipping_preference: 'NO_SHIPPING',
                return_url: input.returnUrl,
                // Cancelling at PayPal brings the shopper back to the payment step, where they may choose again.
                cancel_url: `${new URL(input.returnUrl).origin}/checkout?step=payment`,
              },
            },
          },
        },
      });
      if (!res) return unavailable();
      const order = Order.safeParse(res.json);
      if (res.status >= 300 || !order.success) return unavailable();
      return ok(toProvider(order.data));
    },

    async retrievePayment(ref, { capture = true } = {}) {
      const order = await getOrder(ref);
      if (!order.ok || order.value.status !== 'APPROVED')
        return order.ok ? ok(toProvider(order.value)) : order;
      if (!capture) return ok({ ...toProvider(order.value), awaitingCapture: true });
      // Approved: capture now. The request id is the order's, so every reporter's capture is the same one.
      const captured = await call('POST', `/v2/checkout/orders/${ref}/capture`, {
        requestId: `order-capture:${ref}`,
        body: {},
      });
      if (!captured) return unavailable();
      const after = Order.safeParse(captured.json);
      if (captured.status < 300 && after.success) return ok(toProvider(after.data));
      if (captured.status === 422) {
        // Refused, or captured meanwhile under an expired request id: the order itself says which.
        const now = await getOrder(ref);
        if (now.ok && now.value.status === 'COMPLETED') return ok(toProvider(now.value));
        return ok(toProvider(order.value, 'PayPal declined this payment method; choose another in PayPal.'));
      }
      return unavailable();
    },

    async refund(ref, input) {
      const order = await getOrder(ref);
      if (!order.ok) return order;
      const capture = order.value.purchase_units[0]?.payments?.captures.find((c) => c.status === 'COMPLETED');
      if (!capture) return fail('CONFLICT', 'Nothing was captured on this PayPal order.');
      const currency = capture.amount?.currency_code ?? '';
      const res = await call('POST', `/v2/payments/captures/${capture.id}/refund`, {
        requestId: `refund:${input.idempotencyKey}`,
        body:
          input.amount === undefined
            ? {}
            : {
                amount: {
                  currency_code: currency,
                  value: toDecimalString({ amount: input.amount, currency }),
                },
              },
      });
      if (!res) return unavailable();
      const refund = z.looseObject({ id: z.string() }).safeParse(res.json);
      if (res.status >= 300 || !refund.success) return fail('CONFLICT', 'PayPal refused the refund.');
      return ok({ refundRef: refund.data.id });
    },

    async verifyWebhook(rawBody, headers, now) {
      const header = (name: string) => headers.get(name) ?? '';
      const sentAt = Date.parse(header('PAYPAL-TRANSMISSION-TIME'));
      if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > PAYPAL_WEBHOOK_TOLERANCE_S * 1000) {
        return fail('VALIDATION_FAILED', 'Webhook signature is missing, wrong or too old.');
      }
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return fail('VALIDATION_FAILED', 'Webhook body is not JSON.');
      }
      const event = Event.safeParse(json);
      if (!event.success) return fail('VALIDATION_FAILED', 'Webhook body is not a PayPal event.');
      // PayPal checks the signature against its certificate and our webhook id; we never fetch the cert ourselves.
      const verified = await call('POST', '/v1/notifications/verify-webhook-signature', {
        body: {
          auth_algo: header('PAYPAL-AUTH-ALGO'),
          cert_url: header('PAYPAL-CERT-URL'),
          transmission_id: header('PAYPAL-TRANSMISSION-ID'),
          transmission_sig: header('PAYPAL-TRANSMISSION-SIG'),
          transmission_time: header('PAYPAL-TRANSMISSION-TIME'),
          webhook_id: config.webhookId,
          webhook_event: json,
        },
      });
      if (!verified) return unavailable();
      const status = z.object({ verification_status: z.string() }).safeParse(verified.json);
      if (verified.status !== 200 || !status.success || status.data.verification_status !== 'SUCCESS') {
        return fail('VALIDATION_FAILED', 'Webhook signature is missing, wrong or too old.');
      }
      const { id, event_type: type, resource } = event.data;
      const paymentRef = type.startsWith('CHECKOUT.ORDER.')
        ? (resource?.id ?? null)
        : (resource?.supplementary_data?.related_ids?.order_id ?? null);
      // PAYMENT.CAPTURE.REFUNDED carries the refund itself as its resource.
      const refundRefs = type === 'PAYMENT.CAPTURE.REFUNDED' && resource?.id ? [resource.id] : undefined;
      return ok({ id, type: EVENT_TYPES[type] ?? 'other', paymentRef, refundRefs });
    },
  };
}
