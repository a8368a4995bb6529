/** Availability of the chosen variant: in stock, only a few left, or out of stock. */
import { component$ } from '@builder.io/qwik';

/** At or below this many units the shopper sees "Only N left". */
const FEW_LEFT = 5;

/** Renders nothing when availability is unknown (null). */
export const StockNote = component$<{ available: number | null }>(({ available }) => {
  if (available === null) return null;
  if (available <= 0) return <p class="stock stock-out">Out of stock</p>;
  if (available <= FEW_LEFT) return <p class="stock stock-low">Only {available} left</p>;
  return <p class="stock stock-in">In stock</p>;
});
