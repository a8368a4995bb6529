/** How a postal address reads as lines of text (name, street, place, country, phone). */

/** What an address needs to be shown; saved addresses and order snapshots both have these. */
export interface ShownAddress {
  name?: string | null;
  company?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  phone?: string | null;
}

/**
 * Lines of an address, skipping empty parts: "Springfield, IL 62701" keeps the region beside the postal code, as
 * most of the countries we ship to write it. `countryName` is the English name for the code.
 */
export function addressLines(a: ShownAddress, countryName?: string): string[] {
  const place = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.name, a.company, a.line1, a.line2, place, countryName ?? a.country, a.phone]
    .map((s) => (s ?? '').trim())
    .filter((s) => s !== '');
}
