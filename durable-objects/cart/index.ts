/** How callers reach a cart: one CartDO per cart id. */
import type { Env } from '../../worker/env';
import type { CartDO } from './cart-do';

export type { CartLine, CartView } from './cart-schemas';

/** The RPC stub of the CartDO for `cartId` (validate the id first; the DO re-checks it). */
export function cartStub(env: Pick<Env, 'CART'>, cartId: string): DurableObjectStub<CartDO> {
  return env.CART.getByName(cartId);
}
