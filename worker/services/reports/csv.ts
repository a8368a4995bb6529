/**
 * Reports as CSV (Papa Parse writes it): one header row, money in major units with a dot (12.34), and text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) prefixed with an apostrophe.
 */
import Papa from 'papaparse';

/** A CSV column: its header and how a row's value is written. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  money?: boolean;
}

const FORMULA = /^[=+\-@\t\r]/;

/**
 * The rows as CSV text in `currency`'s major units where a column is money; `header: false` leaves the header row
 * out (a later part of a file written in parts).
 */
export function toCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  currency: string,
  { header = true } = {},
): string {
  const digits =
    new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2;
  const cell = (c: CsvColumn<Row>, row: Row) => {
    const v = c.value(row);
    if (v === null) return '';
    if (typeof v === 'number') return c.money ? (v / 10 ** digits).toFixed(digits) : String(v);
    return FORMULA.test(v) ? `'${v}` : v;
  };
  return Papa.unparse(
    { fields: columns.map((c) => c.header), data: rows.map((row) => columns.map((c) => cell(c, row))) },
    { header },
  );
}

/** The header row alone (Papa Parse writes nothing for a table without rows). */
export function csvHeader<Row>(columns: readonly CsvColumn<Row>[]): string {
  return Papa.unparse([columns.map((c) => c.header)]);
}
