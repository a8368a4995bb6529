/**
 * Bytes of an uploaded product CSV to header and records (papaparse), refusing what is not a well-formed file:
 * not UTF-8, over the size or row limits, a missing, unknown or repeated column, unbalanced quotes.
 */
import Papa from 'papaparse';
import {
  CSV_COLUMNS,
  type CsvColumn,
  type CsvRowError,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from './csv-columns';

/** A file-level refusal: `tooLarge` ones are 413s, the others 422s. */
export interface CsvFileError {
  tooLarge: boolean;
  message: string;
  errors: CsvRowError[];
}

/** The parsed file: which columns it has, and each data row as column → trimmed cell ('' when blank). */
export interface CsvTable {
  columns: ReadonlySet<CsvColumn>;
  /** Data rows; `row` is the spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: Partial<Record<CsvColumn, string>> }[];
}

export type CsvParse = { ok: true; table: CsvTable } | { ok: false; error: CsvFileError };

const refuse = (message: string, errors: CsvRowError[] = [], tooLarge = false): CsvParse => ({
  ok: false,
  error: { tooLarge, message, errors },
});

/**
 * Decodes UTF-8 strictly (a byte-order mark is dropped); a file re-saved as Latin-1 or UTF-16 fails here rather
 * than importing mangled names. U+FFFD is refused too: it means an earlier tool already lost characters.
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: 'too large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text: save it as "CSV UTF-8" and upload it again.' };
  }
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      message:
        'The file holds U+FFFD replacement characters (text lost by an earlier conversion); fix them first.',
    };
  }
  return { ok: true, text };
}

const KNOWN = new Set<string>(CSV_COLUMNS);

/** The ' our export (and Papa's escapeFormulae, as spreadsheets expect) puts before a cell a spreadsheet would run. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** Parses decoded CSV text: header row first, one record per following row, blank lines skipped. */
export function parseCsvText(input: string): CsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  // preview stops at one row past the limit, so a huge file costs no more than a refusable one.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: MAX_IMPORT_ROWS + 2 });
  const records = result.data;
  if (records.length === 0) return refuse('The file is empty: it needs a header row and at least one row.');
  if (records.length > MAX_IMPORT_ROWS + 1) {
    return refuse(`The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files.`, [], true);
  }
  const quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    return refuse(
      'The file is not well-formed CSV (a quoted field is never closed).',
      quoteErrors.map((e) => ({ row: (e.row ?? 0) + 1, column: null, message: e.message })),
    );
  }
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (!KNOWN.has(h)) errors.push({ row: 1, column: h, message: `unknown column "${h}"` });
    else if (seen.has(h)) errors.push({ row: 1, column: h, message: `column "${h}" appears twice` });
    seen.add(h);
  }
  if (!seen.has('handle'))
    errors.push({ row: 1, column: 'handle', message: 'the required column "handle" is missing' });
  if (errors.length > 0) {
    return refuse(`The header row is wrong: the columns are ${CSV_COLUMNS.join(', ')}.`, errors);
  }
  const rows: CsvTable['rows'] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    const row = i + 1;
    if (record.length !== header.length) {
      errors.push({
        row,
        column: null,
        message: `has ${record.length} fields where the header has ${header.length}`,
      });
      continue;
    }
    const cells: Partial<Record<CsvColumn, string>> = {};
    header.forEach((h, j) => {
      cells[h as CsvColumn] = record[j]!.replace(ESCAPED_FORMULA, '').trim();
    });
    rows.push({ row, cells });
  }
  if (errors.length > 0) return refuse('Some rows do not have as many fields as the header.', errors);
  if (rows.length === 0) return refuse('The file has a header but no rows.');
  return { ok: true, table: { columns: seen as ReadonlySet<CsvColumn>, rows } };
}
