/**
 * A report's figures as a table: the accessible twin of its chart. The first column heads each row; numbers are
 * right-aligned in tabular figures; a totals row goes in the footer.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import { formatChange, formatValue } from '~/lib/report-format';
import styles from './charts.css?inline';

export type ColumnKind = 'text' | 'money' | 'count' | 'percent' | 'change';

export interface DataTableColumn {
  /** The row property to show. */
  key: string;
  label: string;
  /**
   * How to show the value: money is minor units in the table's currency; a percent and a change are ratios (a change
   * from changeOf(): 0.125 reads "+12.5 %", null reads "—"). A string is shown as it is, in any column.
   */
  kind: ColumnKind;
}

/** A cell's raw value; null is "no figure" (shown as a dash, read as "none"). */
export type DataTableCell = string | number | null;

export interface DataTableProps {
  caption: string;
  /** Keep the caption for screen readers only, when a visible heading or the chart's caption already names it. */
  captionHidden?: boolean;
  columns: DataTableColumn[];
  rows: Record<string, DataTableCell>[];
  /** The footer row, e.g. { date: 'Total', net: 1234500 }; missing keys are empty cells. */
  totals?: Record<string, DataTableCell>;
  /** ISO currency of the money columns; required when there is one. */
  currency?: string;
}

function cellText(
  value: DataTableCell | undefined,
  kind: ColumnKind,
  currency: string | undefined,
): string | null {
  if (value === undefined) return '';
  if (value === null) return null;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'text':
      return String(value);
    case 'money':
      if (!currency) throw new TypeError('DataTable: a money column needs the currency prop');
      return formatValue(value, { kind: 'money', currency });
    case 'count':
      return formatValue(value, { kind: 'count' });
    case 'percent':
      return formatValue(value, { kind: 'percent' });
    case 'change':
      return formatChange(value);
  }
}

/** A cell's content: a dash for "no figure" that reads as a word, not as punctuation a screen reader skips. */
function cellContent(value: DataTableCell | undefined, kind: ColumnKind, currency: string | undefined) {
  const text = cellText(value, kind, currency);
  if (text !== null && text !== '—') return text;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{kind === 'change' ? 'no comparison' : 'none'}</span>
    </>
  );
}

export const DataTable = component$<DataTableProps>(
  ({ caption, captionHidden, columns, rows, totals, currency }) => {
    useStyles$(styles);
    function cellClass(kind: ColumnKind): string | undefined {
      return kind === 'text' ? undefined : 'adm-num';
    }
    function renderRow(row: Record<string, DataTableCell>) {
      return columns.map((col, i) =>
        i === 0 ? (
          <th key={col.key} scope="row" class={cellClass(col.kind)}>
            {cellContent(row[col.key], col.kind, currency)}
          </th>
        ) : (
          <td key={col.key} class={cellClass(col.kind)}>
            {cellContent(row[col.key], col.kind, currency)}
          </td>
        ),
      );
    }
    return (
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a narrow screen scrolls the table, which has no link to reach by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
      <section class="adm-table-wrap" aria-label={caption} tabIndex={0}>
        <table class="adm-table adm-report-table">
          <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((col) => (
                <th key={col.key} scope="col" class={cellClass(col.kind)}>
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} class="adm-empty">
                  No data for this period.
                </td>
              </tr>
            ) : (
              rows.map((row, i) => <tr key={i}>{renderRow(row)}</tr>)
            )}
          </tbody>
          {totals && rows.length > 0 && (
            <tfoot>
              <tr>{renderRow(totals)}</tr>
            </tfoot>
          )}
        </table>
      </section>
    );
  },
);
