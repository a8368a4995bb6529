/** Option names and values of variants, and the Size/Colour copies the storefront's facets read. */

/** Option-name comparisons ignore case and surrounding space: "size", "Size " and "SIZE" are one option type. */
export const optionKey = (name: string): string => name.trim().toLowerCase();

const SIZE_NAMES = new Set(['size']);
const COLOUR_NAMES = new Set(['colour', 'color']);

/**
 * The `size` and `colour` columns of a variant: the values of its options named Size and Colour (or Color), in any
 * case; null when it has no such option. The one place this copy is made, for every writer (admin, CSV import).
 */
export function facetColumns(options: Readonly<Record<string, string>>): {
  size: string | null;
  colour: string | null;
} {
  let size: string | null = null;
  let colour: string | null = null;
  for (const [name, value] of Object.entries(options)) {
    const key = optionKey(name);
    if (SIZE_NAMES.has(key)) size = value;
    else if (COLOUR_NAMES.has(key)) colour = value;
  }
  return { size, colour };
}

/** A stable key for one combination of option values, independent of key order and name case. */
export function combinationKey(options: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.entries(options)
      .map(([name, value]) => [optionKey(name), value.trim().toLowerCase()] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
