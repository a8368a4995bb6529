/** Carts API: create a cart, read it priced, add / set / remove lines. Prices are never accepted from clients. */

import { QuantitySchema, SetQuantitySchema } from '@domain/cart/quantity';
import { SkuSchema } from '@domain/catalog/sku';
import { newId } from '@domain/core/ids';
import { TAX_CATEGORIES } from '@domain/pricing/tax';
import { CartIdSchema } from '@durable-objects/cart/cart-schemas';
import { createRoute, z } from '@hono/zod-openapi';
import { noStore } from '@worker/http/no-store';
import { faultResponses, jsonBody, newApi, requiredHeader, writeResponses } from '@worker/http/openapi';
import { problemFrom, problemResponses } from '@worker/http/problem';
import { MoneyOut, NullableMoneyOut } from '@worker/http/schemas';
import { replayByReading, writeOptions } from '@worker/middleware/idempotency';
import { recordStep } from '@worker/middleware/page-views';
import { addToCart, readCart, removeFromCart, setCartQuantity } from '@worker/services/cart/cart';

const Cart = z
  .object({
    id: z.string(),
    currency: z.string(),
    lines: z.array(
      z.object({
        sku: z.string(),
        quantity: z.number().int(),
        productId: z.string(),
        categoryIds: z
          .array(z.string())
          .openapi({ description: "The product's category and its ancestors (what promotions may target)" }),
        collectionIds: z.array(z.string()),
        productName: z.string(),
        productSlug: z.string(),
        variantLabel: z.string(),
        imageUrl: z.string().nullable(),
        unitPrice: MoneyOut.openapi({ description: 'What one unit costs now, under any catalog sale' }),
        compareAtUnitPrice: NullableMoneyOut.openapi({
          description: 'The unit price before a catalog sale lowered it; null when no sale applies',
        }),
        lineTotal: MoneyOut,
        weightGrams: z.number().int().openapi({ description: 'Weight of one unit, for shipping rates' }),
        taxCategory: z.enum(TAX_CATEGORIES),
      }),
    ),
    itemCount: z.number().int(),
    subtotal: MoneyOut,
    discount: MoneyOut.openapi({
      description: 'What automatic promotions open to everyone take off; codes are applied at checkout',
    }),
    promotions: z.array(z.object({ name: z.string(), amount: MoneyOut })),
    unavailableSkus: z.array(z.string()),
    updatedAt: z.number().nullable(),
  })
  .openapi('Cart');

const CartParams = z.object({ cartId: CartIdSchema.openapi({ example: 'cart_01JD0000000000000000000000' }) });
const LineParams = CartParams.extend({ sku: SkuSchema });

/** Body of POST /carts/{cartId}/items. */
export const AddItemBody = z
  .object({ sku: SkuSchema, quantity: QuantitySchema })
  .strict()
  .openapi('AddCartItem');
/** Body of PUT /carts/{cartId}/items/{sku}. */
export const SetQuantityBody = z.object({ quantity: SetQuantitySchema }).strict().openapi('SetCartQuantity');

const cartResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: Cart } },
});

export const carts = newApi();
carts.use('/carts', noStore);
carts.use('/carts/*', noStore);

carts
  .openapi(
    createRoute({
      method: 'post',
      path: '/carts',
      tags: ['Carts'],
      summary: 'Create an empty cart (clients may also mint cart ids offline)',
      responses: {
        201: {
          ...cartResponse('The new cart'),
          headers: { Location: requiredHeader('The new cart: /api/carts/{id}') },
        },
        ...writeResponses(),
      },
    }),
    async (c) => {
      const cart = await readCart(c.env, c.var.db, newId('cart'));
      return c.json(cart, 201, { Location: `/api/carts/${cart.id}` });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/carts/{cartId}',
      tags: ['Carts'],
      summary: 'The cart priced with current catalog prices',
      request: { params: CartParams },
      responses: { 200: cartResponse('The cart'), ...problemResponses(400), ...faultResponses() },
    }),
    async (c) => c.json(await readCart(c.env, c.var.db, c.req.valid('param').cartId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/carts/{cartId}/items',
      tags: ['Carts'],
      summary: 'Add units of a SKU (stock is checked; the price comes from the catalog)',
      request: { params: CartParams, body: jsonBody(AddItemBody) },
      responses: { 200: cartResponse('The updated cart'), ...writeResponses() },
    }),
    async (c) => {
      const { cartId } = c.req.valid('param');
      const result = await addToCart(c.env, c.var.db, cartId, c.req.valid('json'), writeOptions(c));
      if (!result.ok) throw problemFrom(result.error);
      recordStep(c, 'add_to_cart');
      replayByReading(c, cartId);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/carts/{cartId}/items/{sku}',
      tags: ['Carts'],
      summary: 'Set the quantity of a line (0 removes it)',
      request: { params: LineParams, body: jsonBody(SetQuantityBody) },
      responses: { 200: cartResponse('The updated cart'), ...writeResponses() },
    }),
    async (c) => {
      const { cartId, sku } = c.req.valid('param');
      const result = await setCartQuantity(
        c.env,
        c.var.db,
        cartId,
        { sku, quantity: c.req.valid('json').quantity },
        writeOptions(c),
      );
      if (!result.ok) throw problemFrom(result.error);
      replayByReading(c, cartId);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/carts/{cartId}/items/{sku}',
      tags: ['Carts'],
      summary: 'Remove a line',
      request: { params: LineParams },
      responses: { 200: cartResponse('The updated cart'), ...writeResponses() },
    }),
    async (c) => {
      const { cartId, sku } = c.req.valid('param');
      const result = await removeFromCart(c.env, c.var.db, cartId, sku, writeOptions(c));
      if (!result.ok) throw problemFrom(result.error);
      replayByReading(c, cartId);
      return c.json(result.value, 200);
    },
  );
