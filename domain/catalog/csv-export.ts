/** A product and its variants as CSV rows (CSV_COLUMNS order): product fields on the first row only, as import reads them. */
import { CSV_COLUMNS, type CsvColumn, LIST_SEPARATOR } from './csv-columns';
import { formatCsvPrice } from './csv-price';

export interface CsvProductIn {
  slug: string;
  name: string;
  description: string;
  status: string;
  category: string;
  brand: string;
  seoTitle: string;
  seoDescription: string;
  tags: string[];
  collections: string[];
  images: string[];
  optionNames: string[];
}

export interface CsvVariantIn {
  sku: string;
  options: Record<string, string>;
  priceAmount: number;
  currency: string;
  compareAtAmount: number | null;
  barcode: string | null;
  weightGrams: number;
  onHand: number | null;
}

/** One row per variant (a product without variants still gets one row, its variant columns blank). */
export function productCsvRows(p: CsvProductIn, variants: CsvVariantIn[]): string[][] {
  const productCells: Partial<Record<CsvColumn, string>> = {
    name: p.name,
    description: p.description,
    status: p.status,
    category: p.category,
    collections: p.collections.join(LIST_SEPARATOR),
    tags: p.tags.join(LIST_SEPARATOR),
    brand: p.brand,
    seo_title: p.seoTitle,
    seo_description: p.seoDescription,
    image_urls: p.images.join(LIST_SEPARATOR),
  };
  const names = p.optionNames.slice(0, 3);
  const rows = (variants.length > 0 ? variants : [null]).map((v, i) => {
    const cells: Partial<Record<CsvColumn, string>> = { handle: p.slug, ...(i === 0 ? productCells : {}) };
    if (v) {
      names.forEach((name, j) => {
        const value = v.options[name];
        if (value === undefined) return;
        cells[`option${j + 1}_name` as CsvColumn] = name;
        cells[`option${j + 1}_value` as CsvColumn] = value;
      });
      cells.sku = v.sku;
      cells.price = formatCsvPrice(v.priceAmount, v.currency);
      cells.compare_at_price =
        v.compareAtAmount === null ? '' : formatCsvPrice(v.compareAtAmount, v.currency);
      cells.barcode = v.barcode ?? '';
      cells.weight_grams = String(v.weightGrams);
      cells.stock_on_hand = v.onHand === null ? '' : String(v.onHand);
    }
    return CSV_COLUMNS.map((c) => cells[c] ?? '');
  });
  return rows;
}
