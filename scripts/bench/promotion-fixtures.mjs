/**
 * Bench fixtures for promotions: BENCH_PROMOTIONS automatic promotions (the issue's 1,000) written in bulk SQL into the
 * bench's local D1, so every cart read and add to cart evaluates them. A mix like a busy shop's: 40% a percentage off
 * one product, 30% off a category, 20% off orders above a subtotal no bench cart reaches, 10% buy two get one half
 * price in a category; half stack. Ids `promo_bench…` stay apart from real promotions; a run without
 * BENCH_PROMOTIONS removes them, so other scenarios are measured without.
 */
import { writeFileSync } from 'node:fs';
import { d1 } from './warehouse-fixtures.mjs';

const NO_CONDITIONS = `json_object('minSubtotal', NULL, 'minQuantity', NULL, 'signedInOnly', json('false'),
  'firstOrderOnly', json('false'), 'customerIds', json('[]'), 'customerEmails', json('[]'),
  'shippingCountries', json('[]'))`;

function promotionsSql(n) {
  const targets = (products, categories) =>
    `json_object('productIds', json(${products}), 'categoryIds', json(${categories}), 'collectionIds', json('[]'))`;
  const oneProduct = targets(`json_array(p.id)`, `'[]'`);
  const oneCategory = targets(`'[]'`, `json_array(c.id)`);
  // Bench promotions an order used stay (its history names them), switched off; the others go.
  return `
UPDATE promotions SET active = 0 WHERE id LIKE 'promo_bench%';
DELETE FROM promotions WHERE id LIKE 'promo_bench%' AND id NOT IN (SELECT promotion_id FROM promotion_uses);
${
  n === 0
    ? ''
    : `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ${n - 1}),
  pn AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM products),
  cn AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM categories),
  pc AS (SELECT count(*) AS total FROM pn), cc AS (SELECT count(*) AS total FROM cn)
INSERT INTO promotions (id, name, trigger_kind, rules, currency, active, created_at, updated_at)
SELECT printf('promo_bench%05d', i), printf('Bench promotion %d', i), 'automatic',
  json_object(
    'benefit', CASE
      WHEN i % 10 < 4 THEN json_object('kind', 'items_percentage', 'basisPoints', 500 + i % 10 * 100,
        'targets', ${oneProduct})
      WHEN i % 10 < 7 THEN json_object('kind', 'items_percentage', 'basisPoints', 1000, 'targets', ${oneCategory})
      WHEN i % 10 < 9 THEN json_object('kind', 'order_percentage', 'basisPoints', 1500)
      ELSE json_object('kind', 'buy_x_get_y', 'buy', json_object('quantity', 2, 'targets', ${oneCategory}),
        'get', json_object('quantity', 1, 'targets', ${oneCategory}, 'basisPoints', 5000), 'maxApplications', NULL)
    END,
    'conditions', CASE WHEN i % 10 IN (7, 8)
      THEN json_set(${NO_CONDITIONS}, '$.minSubtotal', json_object('amount', 100000000, 'currency', 'USD'))
      ELSE ${NO_CONDITIONS} END,
    'stackable', json(CASE WHEN i % 2 = 0 THEN 'true' ELSE 'false' END),
    'priority', i % 7),
  CASE WHEN i % 10 IN (7, 8) THEN 'USD' ELSE NULL END, 1, 0, 0
FROM k, pc, cc
  JOIN pn p ON p.n = (i * 7) % pc.total
  JOIN cn c ON c.n = i % cc.total
WHERE true
ON CONFLICT (id) DO UPDATE SET name = excluded.name, rules = excluded.rules, currency = excluded.currency, active = 1;`
}
`;
}

/** Makes the bench store hold exactly `n` active bench promotions (0: none); returns how many are active. */
export function seedBenchPromotions(persistDir, n) {
  writeFileSync('tmp/bench-promotions.sql', promotionsSql(n));
  d1(persistDir, '--file', 'tmp/bench-promotions.sql');
  const out = d1(
    persistDir,
    '--json',
    '--command',
    "SELECT count(*) AS n FROM promotions WHERE id LIKE 'promo_bench%' AND active = 1",
  );
  return JSON.parse(out)[0].results[0].n;
}
