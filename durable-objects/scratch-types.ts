import type { Env } from '../worker/env';
import { cartStub } from './cart';
import type { CartView } from './cart';
declare function priceView(v: CartView): number;
export async function f(env: Pick<Env, 'CART'>, cartId: string) {
  const view = await cartStub(env, cartId).get({ cartId });
  return view.ok ? priceView(view.value) : 0;
}
