/** The catalog as a CSV stream: every product (drafts and archived too), a page of products at a time. */
import type { Db } from '@db/client';
import { readExportPage } from '@db/repositories/catalog-export';
import { CSV_COLUMNS } from '@domain/catalog/csv-columns';
import { productCsvRows } from '@domain/catalog/csv-export';
import Papa from 'papaparse';

const PAGE = 200;
const parseList = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
// escapeFormulae: a cell starting with = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text instead of
// running it (CSV injection); the importer takes that ' off again (csv-parse.ts), so export → import round-trips.
const toCsv = (rows: string[][]) => `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`;

/** A UTF-8 byte stream of the CSV (header first); each pull reads one page, so memory stays flat at any size. */
export function exportProductsCsv(db: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = '';
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(toCsv([[...CSV_COLUMNS]])));
        return;
      }
      const { products, variants } = await readExportPage(db, after, PAGE);
      if (products.length === 0) {
        controller.close();
        return;
      }
      after = products.at(-1)!.slug;
      const byProduct = new Map<string, typeof variants>();
      for (const v of variants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
      const rows = products.flatMap((p) =>
        productCsvRows(
          {
            ...p,
            tags: parseList(p.tags),
            collections: parseList(p.collections),
            images: parseList(p.images),
            optionNames: parseList(p.options),
          },
          (byProduct.get(p.id) ?? []).map((v) => ({
            ...v,
            options: JSON.parse(v.options) as Record<string, string>,
          })),
        ),
      );
      controller.enqueue(encoder.encode(toCsv(rows)));
    },
  });
}
