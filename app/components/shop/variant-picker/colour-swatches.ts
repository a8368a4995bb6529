/** Swatch colours for the catalog's colour names (db/seed/catalog-data.ts COLOURS); unknown names get neutral grey. */

const SWATCHES: Record<string, string> = {
  Navy: '#1f3a5f',
  Black: '#1b1b1b',
  White: '#ffffff',
  'Heather Grey': '#a7a9ac',
  Olive: '#6b6b3a',
  Rust: '#a4471f',
  Sand: '#d8c3a0',
  Forest: '#2f4f3a',
  Burgundy: '#6d1f2f',
  'Sky Blue': '#8ec5e8',
  Charcoal: '#3a3d42',
  Mustard: '#d4a017',
};

/** The CSS colour to draw for a colour option name. */
export function swatchFor(colour: string): string {
  return SWATCHES[colour] ?? '#c8c8c8';
}
