/** Which variant a size/colour choice means: the one rule shared by the add-to-cart action and the offline path. */

/** What a variant must have for findVariant: its option values (null when the product has no such option). */
export interface VariantOptions {
  size: string | null;
  colour: string | null;
}

/** A shopper's choice as a form posts it: absent or empty means "no such option". */
export interface VariantChoice {
  size?: string | null;
  colour?: string | null;
}

/**
 * The variant whose size and colour both equal the choice (trimmed; absent, empty and null all match a variant
 * without that option), or null when no variant has this combination.
 */
export function findVariant<V extends VariantOptions>(
  variants: readonly V[],
  choice: VariantChoice,
): V | null {
  const size = (choice.size ?? '').trim();
  const colour = (choice.colour ?? '').trim();
  return variants.find((v) => (v.size ?? '') === size && (v.colour ?? '') === colour) ?? null;
}

/**
 * The variant whose option map equals the choice, option type by option type (values trimmed), or null. Works for
 * any option types (Size, Colour, Material…); `names` are the product's option type names in display order.
 */
export function findVariantByOptions<V extends { options: Record<string, string> }>(
  variants: readonly V[],
  names: readonly string[],
  values: readonly (string | null | undefined)[],
): V | null {
  return (
    variants.find((v) => names.every((name, i) => (v.options[name] ?? '') === (values[i] ?? '').trim())) ??
    null
  );
}
