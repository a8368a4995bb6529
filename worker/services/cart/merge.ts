/**
 * At login, this browser's guest cart joins the account's cart (domain/cart/combine-carts says how). The account's
 * cart is the one the `carts` table links to the customer; with none, the guest cart simply becomes the account's.
 * The merge is one CartDO write with a request id derived from the guest cart, so a retried login cannot add the
 * same lines twice, and the guest cart is emptied and retired afterwards.
 */
import type { Db } from '@db/client';
import { findCustomerCartId, linkCartToCustomer, retireCart } from '@db/repositories/carts';
import { combineCarts } from '@domain/cart/combine-carts';
import { isId } from '@domain/core/ids';
import { cartStub } from '@durable-objects/cart';
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';

type MergeEnv = Pick<Env, 'CART' | 'STOCK' | 'SHOP_CURRENCY'>;

/** Returns the cart id this browser should use from now on (null: no cart on either side yet). */
export async function adoptCartAtLogin(
  env: MergeEnv,
  db: Db,
  customerId: string,
  guestCartId: string | undefined,
  now: number,
): Promise<{ cartId: string | null; dropped: string[] }> {
  const guest = guestCartId && isId('cart', guestCartId) ? guestCartId : undefined;
  const accountCartId = await findCustomerCartId(db, customerId);
  const link = (cartId: string) =>
    linkCartToCustomer(db, { cartId, customerId, currency: env.SHOP_CURRENCY, now });
  if (!accountCartId || accountCartId === guest) {
    if (guest) await link(guest);
    return { cartId: guest ?? accountCartId, dropped: [] };
  }
  if (!guest) return { cartId: accountCartId, dropped: [] };

  const [guestView, accountView] = await Promise.all([
    cartStub(env, guest).get({ cartId: guest }),
    cartStub(env, accountCartId).get({ cartId: accountCartId }),
  ]);
  const guestLines = guestView.ok ? guestView.value.lines : [];
  if (guestLines.length === 0) return { cartId: accountCartId, dropped: [] };
  const levels = new Map<string, number>();
  await Promise.all(
    guestLines.map(async ({ sku }) => {
      const level = await stockStub(env, sku).getLevel({ sku });
      levels.set(sku, level.ok ? level.value.available : 0);
    }),
  );
  const { changes, dropped } = combineCarts(
    accountView.ok ? accountView.value.lines : [],
    guestLines,
    (sku) => levels.get(sku) ?? 0,
  );
  if (changes.length > 0) {
    const merged = await cartStub(env, accountCartId).merge({
      cartId: accountCartId,
      lines: changes,
      requestId: `login-merge:${guest}`,
    });
    // A CONFLICT here means this guest cart was merged before (the request id is spent): nothing more to add.
    if (!merged.ok && merged.error.code !== 'CONFLICT') return { cartId: guest, dropped: [] };
  }
  await cartStub(env, guest).clear({ cartId: guest, requestId: `login-merged:${guest}` });
  await retireCart(db, guest, now);
  await link(accountCartId);
  return { cartId: accountCartId, dropped };
}
