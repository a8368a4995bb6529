/**
 * The per-user part of every catalog page, asked for by the browser after the (publicly cached) page arrived: the
 * header's cart count and the signed-in customer's first name. Never stored by any cache.
 */
import { cartCookieName } from '@domain/cart/cart-cookie';
import { isId } from '@domain/core/ids';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { countCartItems } from '@worker/services/cart/cart';
import { getCookie } from 'hono/cookie';

const SessionSummary = z
  .object({
    cartCount: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Units in this browser’s cart (0 without one)' }),
    firstName: z
      .string()
      .nullable()
      .openapi({ description: 'The signed-in customer’s first name, or null when nobody is signed in' }),
  })
  .openapi('SessionSummary');

/** The first word of a full name (a name is never empty, but a blank one still reads as signed in: "there"). */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || 'there';
}

export const sessionSummary = newApi();

sessionSummary.openapi(
  createRoute({
    method: 'get',
    path: '/session/summary',
    tags: ['Session'],
    summary: 'Cart count and first name for the page header (per user: never cached)',
    responses: {
      200: {
        description: 'This browser’s summary',
        content: { 'application/json': { schema: SessionSummary } },
      },
      ...faultResponses(),
    },
  }),
  async (c) => {
    c.header('Cache-Control', 'private, no-store');
    const cartId = getCookie(c, cartCookieName(new URL(c.req.url).protocol));
    const [cartCount, signedIn] = await Promise.all([
      cartId && isId('cart', cartId)
        ? countCartItems(c.env, cartId).catch((err: unknown) => {
            // A cart that cannot be read must not blank the header: show 0, like the pages did.
            console.error(JSON.stringify({ level: 'error', requestId: c.var.requestId, error: String(err) }));
            return 0;
          })
        : Promise.resolve(0),
      c.var.auth.customer(),
    ]);
    return c.json({ cartCount, firstName: signedIn ? firstNameOf(signedIn.principal.name) : null }, 200);
  },
);
