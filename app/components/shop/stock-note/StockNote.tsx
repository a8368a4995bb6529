/** Availability of the chosen variant: in stock, only a few left, or out of stock; announced when it changes. */
import { component$ } from '@builder.io/qwik';

/** At or below this many units the shopper sees "Only N left". */
export const FEW_LEFT = 5;

/**
 * A polite live region that is always in the page, so a screen reader announces a change pushed by the live stock
 * socket or a new variant choice; it says nothing when availability is unknown (null).
 */
export const StockNote = component$<{ available: number | null }>(({ available }) => (
  <div class="stock-note" aria-live="polite" aria-atomic="true" data-testid="stock-note">
    {available === null ? null : available <= 0 ? (
      <p class="stock stock-out">Out of stock</p>
    ) : available <= FEW_LEFT ? (
      <p class="stock stock-low">Only {available} left</p>
    ) : (
      <p class="stock stock-in">In stock</p>
    )}
  </div>
));
