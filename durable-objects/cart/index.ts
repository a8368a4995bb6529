/** How callers reach a cart: one CartDO per cart id. */
import type { CartDO } from './cart-do';

export type { CartLine, CartView } from './cart-schemas';

/** The RPC stub of the CartDO for `cartId` (validate the id first; the DO re-checks it). */
export function cartStub(
  env: { CART: DurableObjectNamespace<CartDO> },
  cartId: string,
): DurableObjectStub<CartDO> {
  return env.CART.getByName(cartId);
}
