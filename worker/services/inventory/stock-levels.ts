/** Stock as shoppers see it: units available per SKU, read from each SKU's StockDO (the source of truth). */
import { stockStub } from '@durable-objects/stock';
import type { Env } from '@worker/env';

/**
 * Units available now for each SKU. A SKU without stock records counts as 0; a failed read as null (unknown), so a
 * stock hiccup hides a badge instead of breaking the page. The reads run in parallel, one StockDO per SKU.
 */
export async function availableBySku(
  env: Pick<Env, 'STOCK'>,
  skus: readonly string[],
): Promise<Record<string, number | null>> {
  const levels = await Promise.all(
    skus.map((sku) =>
      stockStub(env, sku)
        .getLevel({ sku })
        .then(
          (r): [string, number | null] => [sku, r.ok ? r.value.available : 0],
          (): [string, number | null] => [sku, null],
        ),
    ),
  );
  return Object.fromEntries(levels);
}
