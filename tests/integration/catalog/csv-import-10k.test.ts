/**
 * 10,000 rows (2,500 products × 4 variants) in one import: it applies whole, and the time is printed for
 * docs/benchmarks.md (not asserted: this machine's speed is not what the test checks). Re-importing the export
 * of the same catalog is timed too: the update path, where nothing changes.
 */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { categories } from '@db/schema';
import { CSV_COLUMNS } from '@domain/catalog/csv-columns';
import { newId } from '@domain/core/ids';
import { createStaff, freshIp, loginCookie } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';

let admin: string;
beforeAll(async () => {
  await seedSmallStore();
  await createDb(env)
    .insert(categories)
    .values({ id: newId('category'), slug: 'bulk', name: 'Bulk' });
  admin = await loginCookie('staff', await createStaff(['admin']));
});

const post = (body: string) =>
  SELF.fetch('http://shop.test/api/admin/products/import', {
    method: 'POST',
    headers: { 'CF-Connecting-IP': freshIp(), 'Content-Type': 'text/csv', Cookie: admin },
    body,
  });

it('imports 10,000 rows in one transaction', async () => {
  const sizes = ['S', 'M', 'L', 'XL'];
  const lines = [CSV_COLUMNS.join(',')];
  for (let p = 0; p < 2500; p++) {
    sizes.forEach((size, i) => {
      const cells: Record<string, string> = {
        handle: `bulk-${p}`,
        ...(i === 0
          ? {
              name: `Bulk product ${p}`,
              description: `A bulk product number ${p}.`,
              status: 'active',
              category: 'bulk',
              tags: 'bulk|test',
              brand: 'Bulkco',
            }
          : {}),
        option1_name: 'Size',
        option1_value: size,
        sku: `BULK-${p}-${size}`,
        price: `${10 + (p % 90)}.${String(p % 100).padStart(2, '0')}`,
        weight_grams: '200',
        stock_on_hand: String(p % 7),
      };
      lines.push(CSV_COLUMNS.map((c) => cells[c] ?? '').join(','));
    });
  }
  const started = Date.now();
  const res = await post(`${lines.join('\r\n')}\r\n`);
  const created = Date.now() - started;
  if (res.status !== 201) console.log(await res.clone().text());
  expect(res.status).toBe(201);
  expect(((await res.json()) as { summary: { createdVariants: number } }).summary.createdVariants).toBe(
    10_000,
  );
  const [row] = await createDb(env).all<{ n: number }>(
    sql`select count(*) as n from product_variants where sku like 'BULK-%'`,
  );
  expect(row!.n).toBe(10_000);

  const exported = await (
    await SELF.fetch('http://shop.test/api/admin/products/export.csv', {
      headers: { Cookie: admin, 'CF-Connecting-IP': freshIp() },
    })
  ).text();
  const again = Date.now();
  expect((await post(exported)).status).toBe(201);
  const updated = Date.now() - again;
  console.log(
    `CSV import, 10,000 rows: created in ${created} ms; re-import of the export (${exported.split('\r\n').length - 2} rows) in ${updated} ms`,
  );
}, 120_000);
