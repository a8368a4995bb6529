/**
 * Checkout API: start from a cart, save each step (contact, shipping address, shipping method), place the order
 * (holds stock, starts the payment with the caller's Idempotency-Key) and settle a payment on the shopper's return.
 * Prices and totals always come from the server.
 */
import { CHECKOUT_STEPS } from '@domain/checkout/checkout';
import { PaymentProviderSchema } from '@domain/checkout/payment';
import { idSchema } from '@domain/core/id-schema';
import { DiscountCodeSchema } from '@domain/pricing/promotions';
import { CartIdSchema } from '@durable-objects/cart/cart-schemas';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { noStore } from '@worker/http/no-store';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemFrom, problemResponses } from '@worker/http/problem';
import { MoneyOut } from '@worker/http/schemas';
import { recordOrderStep, recordStep } from '@worker/middleware/page-views';
import {
  applyDiscountCode,
  loadCheckout,
  removeDiscountCode,
  setContact,
  setShippingAddress,
  setShippingMethod,
  startCheckout,
  viewCheckout,
} from '@worker/services/checkout/checkout';
import { syncPayment } from '@worker/services/checkout/complete';
import type { CheckoutContext } from '@worker/services/checkout/context';
import { deliverWebhook } from '@worker/services/checkout/deliver';
import { gatewayFor } from '@worker/services/checkout/gateways';
import { placeCheckoutOrder } from '@worker/services/checkout/place-order';
import { publicOrigin } from '@worker/services/shop/settings';
import type { Context } from 'hono';

const CheckoutIdSchema = idSchema('checkout');

const Checkout = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'paying', 'completed', 'abandoned']),
    email: z.string().nullable(),
    shippingAddress: z.record(z.string(), z.unknown()).nullable(),
    shippingMethod: z.string().nullable(),
    nextStep: z.enum(CHECKOUT_STEPS),
    shippingOptions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        price: MoneyOut,
        estimatedDays: z.object({ min: z.number().int(), max: z.number().int() }),
      }),
    ),
    lines: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number().int(),
        productName: z.string(),
        variantLabel: z.string(),
        unitAmount: z.number().int(),
        lineTotalAmount: z.number().int(),
        discountAmount: z.number().int(),
        taxAmount: z.number().int(),
        taxRatePpm: z
          .number()
          .int()
          .openapi({ description: 'Tax rate in parts per million (7.25% = 72500)' }),
      }),
    ),
    totals: z.object({
      subtotal: MoneyOut,
      discount: MoneyOut,
      shipping: MoneyOut,
      tax: MoneyOut,
      total: MoneyOut,
      taxIncluded: z.boolean().openapi({
        description: 'True when prices, and so the total, already include `tax` (not added on top)',
      }),
    }),
    discounts: z.object({
      codes: z.array(z.string()).openapi({ description: 'The codes entered, normalised, in entered order' }),
      applied: z.array(z.object({ name: z.string(), code: z.string().nullable(), amount: MoneyOut })),
      rejected: z.array(
        z.object({
          code: z.string(),
          reason: z
            .string()
            .openapi({ description: 'Why, for code to switch on (e.g. BELOW_MINIMUM_SUBTOTAL)' }),
          message: z.string().openapi({ description: 'Why, for the shopper' }),
        }),
      ),
    }),
    providers: z.array(PaymentProviderSchema),
    paymentError: z.string().nullable(),
    holdExpiresAt: z.number().int().nullable(),
    order: z.object({ number: z.string(), token: z.string() }).nullable(),
  })
  .openapi('Checkout');

const Outcome = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('order'), number: z.string(), token: z.string() }),
    z.object({ kind: z.literal('action'), url: z.string() }),
    z.object({ kind: z.literal('processing') }),
  ])
  .openapi('PaymentOutcome');

const Params = z.object({ checkoutId: CheckoutIdSchema });

/** The checkout use cases' context for this request. */
export async function checkoutContext(c: Context<AppEnv>): Promise<CheckoutContext> {
  const customer = await c.var.auth.customer();
  return {
    env: c.env,
    db: c.var.db,
    now: Date.now(),
    customerId: customer?.principal.id ?? null,
    origin: publicOrigin(c.env, c.req.url),
    waitUntil: (p) => c.executionCtx.waitUntil(p),
  };
}

const view = (description: string) => jsonResponse(description, Checkout);
const stepResponses = { 200: view('The checkout'), ...problemResponses(404), ...writeResponses() };

export const checkouts = newApi();
checkouts.use('/checkouts', noStore);
checkouts.use('/checkouts/*', noStore);

checkouts
  .openapi(
    createRoute({
      method: 'post',
      path: '/checkouts',
      tags: ['Checkout'],
      summary: "Start checkout for a cart, or return the cart's checkout in progress",
      request: { body: jsonBody(z.object({ cartId: CartIdSchema }).strict()) },
      responses: { 200: view('The checkout'), ...problemResponses(404), ...writeResponses() },
    }),
    async (c) => {
      const ctx = await checkoutContext(c);
      const customer = await c.var.auth.customer();
      const result = await startCheckout(ctx, c.req.valid('json').cartId, {
        email: customer?.principal.email ?? null,
      });
      if (!result.ok) throw problemFrom(result.error);
      recordStep(c, 'checkout_started');
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/checkouts/{checkoutId}',
      tags: ['Checkout'],
      summary: 'The checkout, re-priced now',
      request: { params: Params },
      responses: { 200: view('The checkout'), ...problemResponses(400, 404), ...faultResponses() },
    }),
    async (c) => {
      const ctx = await checkoutContext(c);
      const row = await loadCheckout(ctx, c.req.valid('param').checkoutId);
      if (!row.ok) throw problemFrom(row.error);
      return c.json(await viewCheckout(ctx, row.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/checkouts/{checkoutId}/contact',
      tags: ['Checkout'],
      summary: 'Step 1: the email address for the confirmation',
      request: { params: Params, body: jsonBody(z.object({ email: z.string().max(320) }).strict()) },
      responses: stepResponses,
    }),
    async (c) => {
      const result = await setContact(
        await checkoutContext(c),
        c.req.valid('param').checkoutId,
        c.req.valid('json').email,
      );
      if (!result.ok) throw problemFrom(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/checkouts/{checkoutId}/shipping-address',
      tags: ['Checkout'],
      summary: "Step 2: the shipping address (checked against the country's rules)",
      request: {
        params: Params,
        body: jsonBody(z.object({ address: z.record(z.string(), z.unknown()) }).strict()),
      },
      responses: stepResponses,
    }),
    async (c) => {
      const { checkoutId } = c.req.valid('param');
      const result = await setShippingAddress(
        await checkoutContext(c),
        checkoutId,
        c.req.valid('json').address,
      );
      if (!result.ok) throw problemFrom(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/checkouts/{checkoutId}/shipping-method',
      tags: ['Checkout'],
      summary: 'Step 3: a shipping method offered for the address',
      request: { params: Params, body: jsonBody(z.object({ method: z.string().max(32) }).strict()) },
      responses: stepResponses,
    }),
    async (c) => {
      const { checkoutId } = c.req.valid('param');
      const result = await setShippingMethod(
        await checkoutContext(c),
        checkoutId,
        c.req.valid('json').method,
      );
      if (!result.ok) throw problemFrom(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/checkouts/{checkoutId}/discount-codes',
      tags: ['Checkout'],
      summary: 'Apply a discount code (saved only when it applies; a 422 problem says why not)',
      request: {
        params: Params,
        body: jsonBody(z.object({ code: DiscountCodeSchema.openapi({ example: 'SUMMER10' }) }).strict()),
      },
      responses: { ...stepResponses, ...problemResponses(422) },
    }),
    async (c) => {
      const { checkoutId } = c.req.valid('param');
      const result = await applyDiscountCode(await checkoutContext(c), checkoutId, c.req.valid('json').code);
      if (!result.ok) throw problemFrom(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/checkouts/{checkoutId}/discount-codes/{code}',
      tags: ['Checkout'],
      summary: 'Remove a discount code',
      request: { params: Params.extend({ code: DiscountCodeSchema }) },
      responses: stepResponses,
    }),
    async (c) => {
      const { checkoutId, code } = c.req.valid('param');
      const result = await removeDiscountCode(await checkoutContext(c), checkoutId, code);
      if (!result.ok) throw problemFrom(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/checkouts/{checkoutId}/orders',
      tags: ['Checkout'],
      summary:
        'Place the order: hold the stock and pay (Idempotency-Key required; it is sent on to the provider)',
      request: {
        params: Params,
        body: jsonBody(
          z
            .object({
              provider: PaymentProviderSchema,
              paymentToken: z.string().min(1).max(255).optional().openapi({
                description:
                  "stripe: the Payment Element's confirmation token (ctoken_…); test: a test card; paypal: none (the shopper approves at PayPal)",
              }),
            })
            .strict(),
        ),
      },
      responses: {
        201: jsonResponse('The order was placed', Outcome),
        202: jsonResponse('The payment needs the shopper (action) or the provider (processing)', Outcome),
        ...problemResponses(402, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const key = c.req.header('Idempotency-Key');
      if (!key) {
        throw new ProblemError('VALIDATION_FAILED', 'Placing an order needs an Idempotency-Key header.', {
          errors: [{ path: 'header.Idempotency-Key', message: 'required' }],
        });
      }
      const { provider, paymentToken } = c.req.valid('json');
      const result = await placeCheckoutOrder(await checkoutContext(c), c.req.valid('param').checkoutId, {
        provider,
        paymentToken,
        idempotencyKey: key,
      });
      if (!result.ok) throw problemFrom(result.error);
      if (result.value.kind === 'order') recordOrderStep(c, c.req.valid('param').checkoutId);
      return c.json(result.value, result.value.kind === 'order' ? 201 : 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/checkouts/{checkoutId}/payment-status',
      tags: ['Checkout'],
      summary: "Settle the checkout's payment now (the shopper is back from the provider's page)",
      request: { params: Params },
      responses: {
        200: jsonResponse('Where the payment stands', Outcome),
        ...problemResponses(402, 404),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const ctx = await checkoutContext(c);
      const row = await loadCheckout(ctx, c.req.valid('param').checkoutId);
      if (!row.ok) throw problemFrom(row.error);
      const { paymentProvider, paymentRef } = row.value;
      const provider = PaymentProviderSchema.safeParse(paymentProvider);
      if (!paymentRef || !provider.success) {
        throw new ProblemError('CHECKOUT_INCOMPLETE', 'No payment has been started for this checkout.', {
          meta: { step: 'payment' },
        });
      }
      const gateway = gatewayFor(ctx.env, ctx.db, provider.data, deliverWebhook(ctx));
      if (!gateway.ok) throw problemFrom(gateway.error);
      const result = await syncPayment(ctx, gateway.value, paymentRef);
      if (!result.ok) throw problemFrom(result.error);
      // The shopper back from the provider learns the order exists: the funnel counts it (once per checkout).
      if (result.value.kind === 'order') recordOrderStep(c, row.value.id);
      return c.json(result.value, 200);
    },
  );
