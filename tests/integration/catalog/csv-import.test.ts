/**
 * CSV import and export through the API: export → import → export is identical; a file with bad rows gets row
 * errors and changes nothing; malformed files (encoding, columns, too many rows) are 4xx, never 500; concurrent
 * imports and Idempotency-Key replays apply once.
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { categories, collections } from '@db/schema';
import { CSV_COLUMNS } from '@domain/catalog/csv-columns';
import { newId } from '@domain/core/ids';
import { createStaff, freshIp, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

let admin: string;
let content: string;
const db = () => createDb(env);

beforeAll(async () => {
  await seedSmallStore();
  const now = Date.now();
  await db()
    .insert(categories)
    .values({ id: newId('category'), slug: 'csv-cat', name: 'CSV category' });
  await db()
    .insert(collections)
    .values([
      { id: newId('collection'), slug: 'csv-summer', name: 'Summer', createdAt: now, updatedAt: now },
      { id: newId('collection'), slug: 'csv-gifts', name: 'Gifts', createdAt: now, updatedAt: now },
    ]);
  admin = await loginCookie('staff', await createStaff(['admin']));
  content = await loginCookie('staff', await createStaff(['content']));
});

const HEADER = CSV_COLUMNS.join(',');
/** A CSV row from column → value (other columns blank), quoted as needed. */
function row(cells: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string {
  return CSV_COLUMNS.map((c) => {
    const v = cells[c] ?? '';
    return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(',');
}
const file = (...rows: string[]) => `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

function importCsv(
  body: BodyInit,
  init: { cookie?: string; headers?: Record<string, string>; query?: string } = {},
) {
  return SELF.fetch(`http://shop.test/api/admin/products/import${init.query ?? ''}`, {
    method: 'POST',
    headers: {
      'CF-Connecting-IP': freshIp(),
      'Content-Type': 'text/csv',
      Cookie: init.cookie ?? admin,
      ...init.headers,
    },
    body,
  });
}
const exportCsv = async () => {
  const res = await SELF.fetch('http://shop.test/api/admin/products/export.csv', {
    headers: { Cookie: admin, 'CF-Connecting-IP': freshIp() },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toContain('text/csv');
  return res.text();
};
const count = async (q: string) => (await db().all<{ n: number }>(sql.raw(q)))[0]!.n;
const catalogCounts = async () => ({
  products: await count('select count(*) as n from products'),
  variants: await count('select count(*) as n from product_variants'),
  version: await count('select version as n from catalog_state'),
});

type Problem = {
  status: number;
  code: string;
  meta?: { errorCount: number; rowErrors: { row: number; column: string | null; message: string }[] };
};

const tee = (
  handle: string,
  sku: string,
  extra: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {},
) => row({ handle, sku, price: '19.99', option1_name: 'Size', option1_value: 'M', ...extra });

describe('CSV import', () => {
  it('creates products with variants, options, collections, images and stock for new SKUs', async () => {
    const res = await importCsv(
      file(
        tee('csv-tee', 'CSV-TEE-M', {
          name: 'CSV Tee, "organic"',
          description: '# Soft\n\nLine two, with commas, and "quotes" — ünïcode',
          status: 'active',
          category: 'csv-cat',
          collections: 'csv-summer|csv-gifts',
          tags: 'organic|cotton',
          brand: 'Northwind',
          option2_name: 'Colour',
          option2_value: 'Navy',
          compare_at_price: '25',
          barcode: '0123456789012',
          weight_grams: '180',
          stock_on_hand: '7',
          image_urls: 'https://img.example/a.jpg|/media/b.jpg',
        }),
        tee('csv-tee', 'CSV-TEE-L', { option1_value: 'L', option2_value: 'Navy', price: '21.5' }),
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; summary: Record<string, number> };
    expect(body.summary).toEqual({
      createdProducts: 1,
      updatedProducts: 0,
      createdVariants: 2,
      updatedVariants: 0,
      stockSet: 1,
      stockIgnored: 0,
    });
    const variants = await db().all<{
      sku: string;
      price_amount: number;
      size: string;
      colour: string;
      options: string;
    }>(
      sql`select sku, price_amount, size, colour, options from product_variants where sku like 'CSV-TEE-%' order by position`,
    );
    expect(variants).toEqual([
      {
        sku: 'CSV-TEE-M',
        price_amount: 1999,
        size: 'M',
        colour: 'Navy',
        options: '{"Size":"M","Colour":"Navy"}',
      },
      {
        sku: 'CSV-TEE-L',
        price_amount: 2150,
        size: 'L',
        colour: 'Navy',
        options: '{"Size":"L","Colour":"Navy"}',
      },
    ]);
    const [product] = await db().all<{ price_min: number; in_stock: number; tags: string }>(
      sql`select price_min, in_stock, tags from products where slug = 'csv-tee'`,
    );
    expect(product).toEqual({ price_min: 1999, in_stock: 1, tags: '["organic","cotton"]' });
    const status = await SELF.fetch(`http://shop.test/api/admin/imports/${body.id}`, {
      headers: { Cookie: admin, 'CF-Connecting-IP': freshIp() },
    });
    expect(((await status.json()) as { status: string; rowsDone: number }).status).toBe('applied');
  });

  it('export → import → export is identical, and the re-import changes nothing', async () => {
    const first = await exportCsv();
    expect(first.split('\r\n')[0]).toBe(HEADER);
    expect(first).toContain('csv-tee');
    const before = await catalogCounts();
    const res = await importCsv(first);
    expect(res.status).toBe(201);
    const { summary } = (await res.json()) as { summary: Record<string, number> };
    expect(summary.createdProducts).toBe(0);
    expect(summary.createdVariants).toBe(0);
    expect(await exportCsv()).toBe(first);
    const after = await catalogCounts();
    expect(after.products).toBe(before.products);
    expect(after.variants).toBe(before.variants);
  });

  it("exports cells a spreadsheet would run as text (a leading '), and imports them back unchanged", async () => {
    const name = '=HYPERLINK("https://evil.test","Click")';
    const res = await importCsv(
      file(
        tee('csv-formula', 'CSV-FORMULA-M', {
          name,
          description: '- first\n- second',
          brand: '@brand',
          category: 'csv-cat',
        }),
      ),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const exported = await exportCsv();
    const line = exported.split('\r\n').find((l) => l.startsWith('csv-formula,'))!;
    expect(line).toContain(`"'=HYPERLINK(""https://evil.test"",""Click"")"`);
    expect(line).toContain(`"'@brand"`);
    expect(line).not.toMatch(/,=|,"=|,@|,"@/);
    expect((await importCsv(exported)).status).toBe(201);
    const [stored] = await db().all<{ name: string; brand: string; description: string }>(
      sql`select name, brand, description from products where slug = 'csv-formula'`,
    );
    expect(stored).toEqual({ name, brand: '@brand', description: '- first\n- second' });
  });

  it('reports every bad row with its column and writes nothing', async () => {
    const before = await catalogCounts();
    const res = await importCsv(
      file(
        tee('csv-new-one', 'CSV-NEW-1', { name: 'New', category: 'csv-cat' }),
        tee('csv-new-one', 'CSV-NEW-1', { option1_value: 'L' }),
        tee('Bad Slug', 'CSV-NEW-2', { name: 'x', category: 'csv-cat' }),
        tee('csv-new-two', 'CSV-TEE-M', { name: 'Thief', category: 'csv-cat' }),
        tee('csv-new-three', 'CSV-NEW-3', { name: 'x', category: 'no-such-cat', price: '-1' }),
        tee('csv-new-four', 'CSV-NEW-4', { name: 'x', category: 'csv-cat', price: '1.999' }),
        tee('csv-new-five', 'CSV-NEW-5', { name: 'x', category: 'csv-cat', price: '10000001' }),
      ),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('IMPORT_REJECTED');
    const errors = problem.meta!.rowErrors.map((e) => `${e.row}:${e.column}`);
    expect(errors).toEqual(
      expect.arrayContaining(['3:sku', '4:handle', '5:sku', '6:price', '6:category', '7:price', '8:price']),
    );
    expect(problem.meta!.errorCount).toBe(problem.meta!.rowErrors.length);
    expect(await catalogCounts()).toEqual(before);
  });

  it('refuses malformed files with 4xx problems, never a 500', async () => {
    const before = await catalogCounts();
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\ncsv-x,Caf`), 0xe9, 0x0d, 0x0a]);
    const cases: [BodyInit, number, string][] = [
      [latin1, 422, 'IMPORT_REJECTED'],
      ['handle,name,colour\r\ncsv-x,X,red\r\n', 422, 'IMPORT_REJECTED'],
      ['name,sku\r\nX,SKU-1\r\n', 422, 'IMPORT_REJECTED'],
      [`${HEADER}\r\ncsv-x,"unclosed\r\n`, 422, 'IMPORT_REJECTED'],
      ['', 422, 'IMPORT_REJECTED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await importCsv(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as Problem).code).toBe(code);
    }
    const xml = await importCsv('<x/>', { headers: { 'Content-Type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(await catalogCounts()).toEqual(before);
  });

  it('accepts a byte-order mark and a multipart upload', async () => {
    const csv = `\uFEFF${file(tee('csv-bom', 'CSV-BOM-1', { name: 'BOM', category: 'csv-cat' }))}`;
    const form = new FormData();
    form.set('file', new File([csv], 'bom.csv', { type: 'text/csv' }));
    const res = await SELF.fetch('http://shop.test/api/admin/products/import', {
      method: 'POST',
      headers: { Cookie: admin, 'CF-Connecting-IP': freshIp() },
      body: form,
    });
    expect(res.status).toBe(201);
    expect(await count(`select count(*) as n from products where slug = 'csv-bom'`)).toBe(1);
  });

  it('refuses more than 100,000 rows without writing', async () => {
    const line = row({ handle: 'csv-many', sku: 'X', price: '1' });
    const big = `${HEADER}\n${`${line}\n`.repeat(100_001)}`;
    const before = await catalogCounts();
    const res = await importCsv(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await catalogCounts()).toEqual(before);
  });

  it('needs catalog:write', async () => {
    const res = await importCsv(file(tee('csv-nope', 'CSV-NOPE', { name: 'x', category: 'csv-cat' })), {
      cookie: content,
    });
    expect(res.status).toBe(403);
  });

  it('applies concurrent imports each whole, and an Idempotency-Key replay once', async () => {
    const a = file(tee('csv-con-a', 'CSV-CON-A', { name: 'A', category: 'csv-cat' }));
    const b = file(tee('csv-con-b', 'CSV-CON-B', { name: 'B', category: 'csv-cat' }));
    const [ra, rb] = await Promise.all([importCsv(a), importCsv(b)]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(await count(`select count(*) as n from products where slug in ('csv-con-a', 'csv-con-b')`)).toBe(
      2,
    );

    const key = `csv-import-${crypto.randomUUID()}`;
    const c = file(tee('csv-idem', 'CSV-IDEM', { name: 'Idem', category: 'csv-cat', stock_on_hand: '3' }));
    const sameClient = { 'Idempotency-Key': key, 'CF-Connecting-IP': freshIp() };
    const first = await importCsv(c, { headers: sameClient });
    expect(first.status).toBe(201);
    const again = await importCsv(c, { headers: sameClient });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await count(`select count(*) as n from stock_movements where sku = 'CSV-IDEM'`)).toBe(1);
    expect(
      await count(`select count(*) as n from audit_log where action = 'catalog.import'`),
    ).toBeGreaterThan(0);
  });
});
