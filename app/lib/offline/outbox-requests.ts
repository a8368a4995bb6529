/** What each outbox entry kind means on the wire: its payload schema and the API request that replays it. */

import { QuantitySchema, SetQuantitySchema } from '@domain/cart/quantity';
import { SkuSchema } from '@domain/catalog/sku';
import { idSchema } from '@domain/core/id-schema';
import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';

const CartIdSchema = idSchema('cart');
const OrderIdSchema = idSchema('order');

/** Payload schemas per kind; entries are re-validated before every replay (IndexedDB is user-editable). */
export const OUTBOX_PAYLOADS = {
  'cart.add': z.strictObject({ cartId: CartIdSchema, sku: SkuSchema, quantity: QuantitySchema }),
  'cart.set': z.strictObject({
    cartId: CartIdSchema,
    sku: SkuSchema,
    quantity: SetQuantitySchema,
  }),
  'cart.remove': z.strictObject({ cartId: CartIdSchema, sku: SkuSchema }),
  'order.ship': z.strictObject({
    orderId: OrderIdSchema,
    carrier: z.string().min(1).max(60).optional(),
    trackingNumber: z.string().min(1).max(100).optional(),
  }),
} as const;

/** The kinds of write the outbox can queue. */
export type OutboxKind = keyof typeof OUTBOX_PAYLOADS;
/** The payload of one kind. */
export type OutboxPayload<K extends OutboxKind = OutboxKind> = z.infer<(typeof OUTBOX_PAYLOADS)[K]>;

/** An HTTP request to replay (path is same-origin; body is JSON). */
export interface OutboxRequest {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

/** True when `kind` is a known outbox kind. */
export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(OUTBOX_PAYLOADS, kind);
}

/**
 * Validates a stored entry and maps it to its API request; VALIDATION_FAILED when the kind is unknown or the payload
 * does not match (such an entry can never succeed and is dropped by the caller).
 */
export function toOutboxRequest(kind: string, payload: unknown): Result<OutboxRequest> {
  if (!isOutboxKind(kind)) return fail('VALIDATION_FAILED', `Unknown outbox kind "${kind}".`);
  const parsed = OUTBOX_PAYLOADS[kind].safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`,
    );
    return fail('VALIDATION_FAILED', `Invalid ${kind} payload: ${issues.join('; ')}`);
  }
  return ok(requestFor(kind, parsed.data));
}

function requestFor(kind: OutboxKind, data: OutboxPayload): OutboxRequest {
  const enc = encodeURIComponent;
  switch (kind) {
    case 'cart.add': {
      const p = data as OutboxPayload<'cart.add'>;
      return {
        method: 'POST',
        path: `/api/carts/${enc(p.cartId)}/items`,
        body: { sku: p.sku, quantity: p.quantity },
      };
    }
    case 'cart.set': {
      const p = data as OutboxPayload<'cart.set'>;
      return {
        method: 'PUT',
        path: `/api/carts/${enc(p.cartId)}/items/${enc(p.sku)}`,
        body: { quantity: p.quantity },
      };
    }
    case 'cart.remove': {
      const p = data as OutboxPayload<'cart.remove'>;
      return { method: 'DELETE', path: `/api/carts/${enc(p.cartId)}/items/${enc(p.sku)}` };
    }
    case 'order.ship': {
      // The warehouse API is not written yet: this path is the one place to align with it.
      const p = data as OutboxPayload<'order.ship'>;
      const { orderId, ...body } = p;
      return { method: 'POST', path: `/api/staff/orders/${enc(orderId)}/ship`, body };
    }
  }
}
