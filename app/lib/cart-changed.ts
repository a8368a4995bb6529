/** How a page tells the header's session island (components/shop/session-island) that the cart changed. */

/** The DOM event's name; `detail` is the new item count, or absent to make the island ask the server again. */
export const CART_CHANGED_EVENT = 'shop:cart-changed';

/** Updates the header's cart count in place (browser only; a no-op during SSR). */
export function announceCartCount(itemCount?: number): void {
  if (typeof document === 'undefined') return;
  document.dispatchEvent(new CustomEvent(CART_CHANGED_EVENT, { detail: itemCount }));
}

/**
 * Adds `units` to the count the header shows (an add queued offline: the server cannot be asked, and the header's
 * figure is the last one it gave). Does nothing before the header has a number to add to.
 */
export function bumpCartCount(units: number): void {
  if (typeof document === 'undefined') return;
  const shown = Number.parseInt(document.querySelector('[data-session="cart-count"]')?.textContent ?? '', 10);
  if (Number.isInteger(shown)) announceCartCount(shown + units);
}
