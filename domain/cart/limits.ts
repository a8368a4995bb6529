/** How much one cart may hold, as plain numbers: pages and messages import these without loading zod. */

/** Most units of one SKU a single cart line may hold. */
export const MAX_LINE_QUANTITY = 99;

/** Most distinct lines a cart may hold (keeps a CartDO's state and a checkout's stock fan-out bounded). */
export const MAX_CART_LINES = 50;
