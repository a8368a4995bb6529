/** Test entry for the workerd project: the real app and Durable Objects, without the Qwik SSR build (e2e covers pages). */
import { createApp } from '@worker/app';

export { CartDO } from '@durable-objects/cart/cart-do';
export { StockDO } from '@durable-objects/stock/stock-do';

export default createApp();
