import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';
import { decodeCsv, parseCsvText } from './csv-parse';
import { formatCsvPrice, parseCsvPrice } from './csv-price';
import { type CsvCatalogFacts, validateCsvRows } from './csv-rows';

const facts: CsvCatalogFacts = {
  currency: 'USD',
  categories: new Set(['tees']),
  collections: new Set(['summer']),
  existingHandles: new Set(['old-tee']),
  skuOwners: new Map([['OLD-1', 'old-tee']]),
};

const csv = (columns: CsvColumn[], ...rows: string[][]) =>
  [columns.join(','), ...rows.map((r) => r.join(','))].join('\n');

function validate(text: string) {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return validateCsvRows(parsed.table, facts);
}

describe('parseCsvPrice', () => {
  it('reads decimals exactly in minor units', () => {
    expect(parseCsvPrice('19.99', 'USD')).toEqual({ ok: true, amount: 1999 });
    expect(parseCsvPrice('19.9', 'USD')).toEqual({ ok: true, amount: 1990 });
    expect(parseCsvPrice('0.29', 'USD')).toEqual({ ok: true, amount: 29 });
    expect(parseCsvPrice('500', 'JPY')).toEqual({ ok: true, amount: 500 });
    expect(parseCsvPrice('1.005', 'KWD')).toEqual({ ok: true, amount: 1005 });
    expect(parseCsvPrice('10000000', 'USD')).toEqual({ ok: true, amount: 1_000_000_000 });
  });
  it('refuses negatives, too many decimals, too large and non-numbers', () => {
    for (const [text, currency] of [
      ['-1', 'USD'],
      ['1.999', 'USD'],
      ['1.5', 'JPY'],
      ['10000000.01', 'USD'],
      ['1e3', 'USD'],
      ['1,000', 'USD'],
      ['$5', 'USD'],
    ] as const) {
      expect(parseCsvPrice(text, currency).ok, text).toBe(false);
    }
  });
  it('formats back what it reads', () => {
    expect(formatCsvPrice(1999, 'USD')).toBe('19.99');
    expect(formatCsvPrice(5, 'USD')).toBe('0.05');
    expect(formatCsvPrice(500, 'JPY')).toBe('500');
  });
});

describe('parseCsvText and decodeCsv', () => {
  it('refuses unknown, repeated and missing columns with the header row', () => {
    const r = parseCsvText('handle,colour,handle\nx,y,z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.errors.map((e) => e.column)).toEqual(['colour', 'handle']);
    expect(parseCsvText('name\nx').ok).toBe(false);
  });
  it('refuses rows with the wrong number of fields, and non-UTF-8 bytes', () => {
    const r = parseCsvText('handle,sku\na,b,c');
    expect(r.ok || r.error.errors[0]).toMatchObject({ row: 2, column: null });
    expect(decodeCsv(new Uint8Array([0x68, 0xe9, 0x0a])).ok).toBe(false);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).ok && true).toBe(true);
  });
  it('keeps every known column in any order', () => {
    const reversed = [...CSV_COLUMNS].reverse();
    const r = parseCsvText(
      `${reversed.join(',')}\n${reversed.map((c) => (c === 'handle' ? 'x' : '')).join(',')}`,
    );
    expect(r.ok).toBe(true);
  });
});

describe('validateCsvRows', () => {
  const cols: CsvColumn[] = ['handle', 'name', 'category', 'option1_name', 'option1_value', 'sku', 'price'];

  it('plans products by handle and variants by SKU, with options in order of appearance', () => {
    const r = validate(
      csv(
        cols,
        ['new-tee', 'Tee', 'tees', 'Size', 'M', 'T-M', '10'],
        ['new-tee', '', '', '', 'S', 'T-S', '9.5'],
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.products).toMatchObject([
      { handle: 'new-tee', isNew: true, name: 'Tee', options: [{ name: 'Size', values: ['M', 'S'] }] },
    ]);
    expect(r.plan.variants.map((v) => [v.sku, v.price, v.size, v.position])).toEqual([
      ['T-M', 1000, 'M', 0],
      ['T-S', 950, 'S', 1],
    ]);
  });

  it('reports each bad row with its column', () => {
    const r = validate(
      csv(
        cols,
        ['Bad Handle', 'x', 'tees', '', '', 'A', '1'],
        ['new-a', '', 'nope', '', '', 'B', '-2'],
        ['new-b', 'B', 'tees', '', '', 'B', '1'],
        ['new-c', 'C', 'tees', '', '', 'OLD-1', '1'],
        ['new-d', 'D', 'tees', 'Size', '', 'D', '1'],
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '2:handle',
      '3:price',
      '4:sku',
      '5:sku',
      '6:option1_value',
      '3:name',
      '3:category',
    ]);
    expect(r.errorCount).toBe(7);
  });

  it("refuses product cells that differ from the handle's first row and duplicate option sets", () => {
    const r = validate(
      csv(cols, ['new-e', 'E', 'tees', 'Size', 'M', 'E-1', '1'], ['new-e', 'Other', '', '', 'M', 'E-2', '1']),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:name', '3:sku']);
  });

  it('lets a file of an existing product leave out columns (kept as they are)', () => {
    const r = validate(csv(['handle', 'sku', 'price'], ['old-tee', 'OLD-1', '12']));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.products[0]).toEqual({ handle: 'old-tee', row: 2, isNew: false });
      expect(r.plan.variants[0]).toMatchObject({ sku: 'OLD-1', isNew: false, price: 1200 });
      expect(r.plan.variants[0]!.options).toBeUndefined();
    }
  });
});
