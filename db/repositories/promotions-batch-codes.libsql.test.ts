/**
 * Subqueries that read the outer row (libSQL in memory): a batch's CSV says "used" only for the codes that were used,
 * and the promotions list counts each promotion's own uses.
 */
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { codeBatches, discountCodes, promotions, promotionUses } from '@db/schema';
import { PromotionConditionsInput } from '@domain/pricing/promotions';
import { expect, it } from 'vitest';
import { batchCodesWithUse, listPromotions } from './promotions';

it('marks a code used only when that code has a confirmed use, and counts uses per promotion', async () => {
  const db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
  const promo = (id: string) => ({
    id,
    name: id,
    triggerKind: 'code' as const,
    rules: {
      benefit: { kind: 'order_percentage' as const, basisPoints: 1000 },
      conditions: PromotionConditionsInput.parse({}),
      stackable: false,
      priority: 0,
    },
    active: true,
    createdAt: 1,
    updatedAt: 1,
  });
  await db.insert(promotions).values([promo('promo_batch'), promo('promo_other')]);
  await db
    .insert(codeBatches)
    .values({ id: 'dcb_1', promotionId: 'promo_batch', prefix: 'B-', quantity: 2, createdAt: 1 });
  await db.insert(discountCodes).values([
    { code: 'B-USED', promotionId: 'promo_batch', batchId: 'dcb_1', active: true, createdAt: 1 },
    { code: 'B-FRESH', promotionId: 'promo_batch', batchId: 'dcb_1', active: true, createdAt: 1 },
    { code: 'ELSEWHERE', promotionId: 'promo_other', batchId: null, active: true, createdAt: 1 },
  ]);
  const use = (id: string, promotionId: string, code: string) => ({
    id,
    promotionId,
    code,
    checkoutId: `chk_${id}`,
    state: 'confirmed' as const,
    expiresAt: 2,
    createdAt: 1,
    confirmedAt: 1,
  });
  await db
    .insert(promotionUses)
    .values([use('pu_1', 'promo_batch', 'B-USED'), use('pu_2', 'promo_other', 'ELSEWHERE')]);
  expect(await batchCodesWithUse(db, 'dcb_1')).toEqual([
    { code: 'B-FRESH', used: 0 },
    { code: 'B-USED', used: 1 },
  ]);
  const listed = await listPromotions(db, 1);
  expect(listed.map((p) => [p.row.id, p.uses]).sort()).toEqual([
    ['promo_batch', 1],
    ['promo_other', 1],
  ]);
});
