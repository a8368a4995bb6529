/** How a variant is named to shoppers ("Navy / M"), on cart lines, confirmations and (later) order lines. */

/** The variant's options joined in reading order, colour first; empty for a product without options. */
export const variantLabel = (variant: { colour: string | null; size: string | null }): string =>
  [variant.colour, variant.size].filter(Boolean).join(' / ');
