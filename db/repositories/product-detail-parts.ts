/** Pieces of the product page read model: JSON columns parsed defensively, the category trail, related products. */

/** One option type of a product (Size, Colour, Material…) with its values in display order. */
export interface OptionType {
  name: string;
  values: string[];
}

/** One specification row (Material: Organic cotton). */
export interface ProductAttribute {
  name: string;
  value: string;
}

/** A category on the way from the root to the product's own. */
export interface CategoryCrumb {
  slug: string;
  name: string;
}

/** JSON text parsed, or `fallback` when it is not valid JSON (a bad row must not break a shop page). */
function parseJson(text: string | null | undefined, fallback: unknown): unknown {
  if (!text) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** A JSON array of strings; anything else in it is dropped. */
export function parseStringList(text: string | null | undefined): string[] {
  const value = parseJson(text, []);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A JSON object of option name → value; non-string values are dropped. */
export function parseOptionMap(text: string | null | undefined): Record<string, string> {
  const value = parseJson(text, {});
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

/** A JSON array of `{ name, value }`; malformed entries are dropped. */
export function parseAttributes(text: string | null | undefined): ProductAttribute[] {
  const value = parseJson(text, []);
  if (!Array.isArray(value)) return [];
  return value.flatMap((a) =>
    a && typeof a.name === 'string' && typeof a.value === 'string' && a.name && a.value
      ? [{ name: a.name, value: a.value }]
      : [],
  );
}

/**
 * The option types of a product: its product_options rows when it has them, else derived from its variants' option
 * maps (first-seen order), so a product saved before option types existed still gets a picker.
 */
export function optionTypesOf(
  rows: readonly { name: string; values: string }[],
  variants: readonly Record<string, string>[],
): OptionType[] {
  if (rows.length > 0) {
    return rows.map((r) => {
      const declared = parseStringList(r.values);
      const used = variants.map((v) => v[r.name]).filter((v): v is string => v !== undefined);
      return { name: r.name, values: [...new Set([...declared, ...used])] };
    });
  }
  const types = new Map<string, Set<string>>();
  for (const v of variants) {
    for (const [name, value] of Object.entries(v)) {
      const set = types.get(name) ?? new Set<string>();
      set.add(value);
      types.set(name, set);
    }
  }
  return [...types].map(([name, values]) => ({ name, values: [...values] }));
}

/** Root-first trail to `categoryId` through parent ids; stops on a cycle or a missing parent. */
export function categoryTrail(
  all: readonly { id: string; slug: string; name: string; parentId: string | null }[],
  categoryId: string,
): CategoryCrumb[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const trail: CategoryCrumb[] = [];
  const seen = new Set<string>();
  let at = byId.get(categoryId);
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    trail.unshift({ slug: at.slug, name: at.name });
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return trail;
}
