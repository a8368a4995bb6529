/**
 * The local test gateway: the default provider when no Stripe or PayPal keys are configured, so a newcomer can place
 * orders right after `npm start`. No money moves and no card exists: the payment step offers "test cards" that each
 * have a documented outcome (domain/checkout/payment.ts TEST_CARDS). It behaves like a real provider where that
 * matters to us: its own book (idempotent by key), a status we read back rather than trust from the browser, an
 * authentication page for `requires_action`, and signed webhooks (possibly late).
 */
import type { Db } from '@db/client';
import {
  createTestPayment,
  findTestPayment,
  moveTestPayment,
  refundTestPayment,
  type TestGatewayPayment,
} from '@db/repositories/test-gateway';
import { TestCardSchema } from '@domain/checkout/payment';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';
import type { CreatePaymentInput, PaymentGateway, ProviderEvent, ProviderPayment } from './provider';
import { signTestPayload, TEST_SIGNATURE_HEADER, verifyTestSignature } from './test-gateway-signature';

/** How late the `delayed_webhook` card's confirmation arrives. */
export const DELAYED_WEBHOOK_MS = 3000;

/** How the gateway's webhooks reach the shop: posted to /api/webhooks/test (in-process, after the response). */
export type DeliverWebhook = (body: string, headers: Record<string, string>, delayMs: number) => void;

const WebhookBody = z.strictObject({
  id: z.string().min(1).max(64),
  type: z.enum(['payment.succeeded', 'payment.failed', 'payment.requires_action', 'payment.refunded']),
  payment: z.string().min(1).max(64),
  reference: z.string().max(128),
  /** On payment.refunded: the refund it confirms. */
  refund: z.string().min(1).max(64).optional(),
});

function toProvider(p: TestGatewayPayment): ProviderPayment {
  // The gateway's authentication page sends the shopper back to the checkout it was told about, never elsewhere.
  const action = `/checkout/test-gateway/${p.id}`;
  return {
    ref: p.id,
    state: p.status,
    amount: p.amount,
    currency: p.currency,
    reference: p.reference,
    actionUrl: p.status === 'requires_action' ? action : undefined,
    failureMessage: p.status === 'failed' ? 'The test card was declined.' : undefined,
  };
}

/** The test gateway over the shop's database, signing webhooks with `secret`. */
export function testGateway(
  db: Db,
  secret: string,
  deliver: DeliverWebhook,
): PaymentGateway & {
  /** The authentication page's answer for a `requires_action` payment. */
  authenticate(ref: string, approve: boolean, now: number): Promise<Result<ProviderPayment>>;
} {
  const send = async (
    type: z.infer<typeof WebhookBody>['type'],
    p: TestGatewayPayment,
    delayMs = 0,
    refund?: string,
  ) => {
    const body = JSON.stringify({ id: newId('event'), type, payment: p.id, reference: p.reference, refund });
    deliver(
      body,
      { [TEST_SIGNATURE_HEADER]: await signTestPayload(secret, body, Date.now() + delayMs) },
      delayMs,
    );
  };

  return {
    id: 'test',

    async createPayment(input: CreatePaymentInput) {
      const card = TestCardSchema.safeParse(input.paymentToken ?? 'success');
      if (!card.success)
        return fail('VALIDATION_FAILED', 'Choose one of the test cards.', { field: 'paymentToken' });
      const now = Date.now();
      const status =
        card.data === 'decline'
          ? 'failed'
          : card.data === 'requires_action'
            ? 'requires_action'
            : card.data === 'delayed_webhook'
              ? 'processing'
              : 'succeeded';
      const stored = await createTestPayment(db, {
        id: newId('testPayment', now),
        idempotencyKey: input.idempotencyKey,
        amount: input.amount,
        currency: input.currency,
        status,
        card: card.data,
        reference: input.reference,
        refundedAmount: 0,
        createdAt: now,
        updatedAt: now,
      });
      const same =
        stored.amount === input.amount &&
        stored.currency === input.currency &&
        stored.reference === input.reference;
      if (!same) return fail('IDEMPOTENCY_KEY_REUSED', 'This payment key was used for a different payment.');
      if (stored.createdAt === now) {
        // A new payment: the gateway tells the shop, as a provider would.
        if (stored.status === 'succeeded') await send('payment.succeeded', stored);
        if (stored.status === 'failed') await send('payment.failed', stored);
        if (stored.status === 'requires_action') await send('payment.requires_action', stored);
        if (stored.card === 'delayed_webhook') await send('payment.succeeded', stored, DELAYED_WEBHOOK_MS);
      }
      return ok(toProvider(stored));
    },

    async retrievePayment(ref) {
      const found = await findTestPayment(db, ref);
      if (!found) return fail('NOT_FOUND', 'No such test payment.');
      // The delayed card settles when its confirmation is due, whoever asks first.
      if (found.status === 'processing' && Date.now() - found.createdAt >= DELAYED_WEBHOOK_MS) {
        await moveTestPayment(db, ref, 'processing', 'succeeded', Date.now());
        return ok(toProvider({ ...found, status: 'succeeded' }));
      }
      return ok(toProvider(found));
    },

    async authenticate(ref, approve, now) {
      const found = await findTestPayment(db, ref);
      if (!found) return fail('NOT_FOUND', 'No such test payment.');
      const to = approve ? 'succeeded' : 'failed';
      if (await moveTestPayment(db, ref, 'requires_action', to, now)) {
        await send(approve ? 'payment.succeeded' : 'payment.failed', { ...found, status: to });
        return ok(toProvider({ ...found, status: to }));
      }
      return ok(toProvider(found)); // already answered: the first answer stands
    },

    async refund(ref, input) {
      const found = await findTestPayment(db, ref);
      if (!found) return fail('NOT_FOUND', 'No such test payment.');
      const amount = input.amount ?? found.amount - found.refundedAmount;
      const now = Date.now();
      const id = newId('refund', now);
      const stored =
        amount > 0
          ? await refundTestPayment(
              db,
              { id, paymentId: ref, idempotencyKey: input.idempotencyKey, amount, createdAt: now },
              now,
            )
          : null;
      if (!stored) return fail('CONFLICT', 'Nothing left to refund on this payment.');
      // The same key answers the first refund (as Stripe does); a key reused for another refund is refused.
      if (stored.paymentId !== ref || (input.amount !== undefined && stored.amount !== input.amount))
        return fail('IDEMPOTENCY_KEY_REUSED', 'This refund key was used for a different refund.');
      if (stored.id === id) await send('payment.refunded', found, 0, stored.id);
      return ok({ refundRef: stored.id });
    },

    async verifyWebhook(rawBody, headers, now) {
      if (!(await verifyTestSignature(secret, rawBody, headers.get(TEST_SIGNATURE_HEADER), now))) {
        return fail('VALIDATION_FAILED', 'Webhook signature is missing, wrong or too old.');
      }
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return fail('VALIDATION_FAILED', 'Webhook body is not JSON.');
      }
      const body = WebhookBody.safeParse(json);
      if (!body.success) return fail('VALIDATION_FAILED', 'Webhook body is not a test gateway event.');
      const { id, type, payment, refund } = body.data;
      const event: ProviderEvent = {
        id,
        type,
        paymentRef: payment,
        refundRefs: refund ? [refund] : undefined,
      };
      return ok(event);
    },
  };
}
