/**
 * The promotion-use limits, run on D1 (workerd) and libSQL (Node): exact under concurrency, lapsed holds stop counting,
 * released uses come back at once, per-customer limits match by account or email, single-use codes and deactivated
 * batches, a late payment's use kept only while there is room.
 */
import type { Db } from '@db/client';
import {
  confirmPromotionUsesStatement,
  holdPromotionUse,
  liveUsage,
  releasePromotionUses,
  type UseHold,
} from '@db/repositories/promotion-uses';
import { codeBatches, discountCodes, promotions, promotionUses } from '@db/schema';
import { newId } from '@domain/core/ids';
import { PromotionConditionsInput } from '@domain/pricing/promotions';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

const NOW = Date.UTC(2026, 11, 1);
const HOLD_MS = 15 * 60_000;

export function registerPromotionUsesContract(driver: string, makeDb: () => Promise<Db>): void {
  describe(`promotion uses on ${driver}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await makeDb();
    });

    async function addPromotion(limits: { usageLimit?: number; perCustomerLimit?: number } = {}) {
      const id = newId('promotion', NOW);
      await db.insert(promotions).values({
        id,
        name: 'Test',
        triggerKind: 'code',
        rules: {
          benefit: { kind: 'order_percentage', basisPoints: 1000 },
          conditions: PromotionConditionsInput.parse({}),
          stackable: false,
          priority: 0,
        },
        currency: null,
        usageLimit: limits.usageLimit ?? null,
        perCustomerLimit: limits.perCustomerLimit ?? null,
        createdAt: NOW,
        updatedAt: NOW,
      });
      return id;
    }
    async function addCode(promotionId: string, maxUses: number | null, batchId: string | null = null) {
      const code = `T${newId('discountCode', NOW).slice(-12)}`;
      await db.insert(discountCodes).values({ code, promotionId, batchId, maxUses, createdAt: NOW });
      return code;
    }
    const hold = (promotionId: string, over: Partial<UseHold> = {}): UseHold => ({
      id: newId('promotionUse', NOW),
      promotionId,
      checkoutId: newId('checkout', NOW),
      code: null,
      usageKey: null,
      usageEmail: `email:${crypto.randomUUID()}@example.com`,
      discountAmount: 500,
      now: NOW,
      expiresAt: NOW + HOLD_MS,
      ...over,
    });

    it('gives a single-use code to exactly one of 50 concurrent checkouts', async () => {
      const promo = await addPromotion();
      const code = await addCode(promo, 1);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => holdPromotionUse(db, hold(promo, { code }))),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.refusal)).toEqual(
        Array(49).fill('CODE_LIMIT'),
      );
    });

    it('keeps a total limit of 10 exact under 40 concurrent holds, and frees a declined use at once', async () => {
      const promo = await addPromotion({ usageLimit: 10 });
      const holds = Array.from({ length: 40 }, () => hold(promo));
      const outcomes = await Promise.all(holds.map((h) => holdPromotionUse(db, h)));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
      expect(
        (
          await liveUsage(db, [promo], { usageKey: null, usageEmail: null, checkoutId: 'checkout_none' }, NOW)
        )[promo]?.total,
      ).toBe(10);
      const winner = holds[outcomes.findIndex((o) => o.ok)]!;
      await releasePromotionUses(db, winner.checkoutId);
      const late = hold(promo);
      expect(await holdPromotionUse(db, late)).toEqual({ ok: true, state: 'held' });
      expect(await holdPromotionUse(db, hold(promo))).toEqual({ ok: false, refusal: 'TOTAL_LIMIT' });
    });

    it('tells both of two concurrent holds for one checkout (return and webhook racing) that it holds the use', async () => {
      const promo = await addPromotion({ usageLimit: 1 });
      const first = hold(promo);
      const again = { ...first, id: newId('promotionUse', NOW), now: NOW + 7, expiresAt: NOW + 7 + HOLD_MS };
      for (let round = 0; round < 5; round++) {
        const outcomes = await Promise.all([holdPromotionUse(db, first), holdPromotionUse(db, again)]);
        expect(outcomes).toEqual([
          { ok: true, state: 'held' },
          { ok: true, state: 'held' },
        ]);
      }
      const rows = await db
        .select()
        .from(promotionUses)
        .where(eq(promotionUses.checkoutId, first.checkoutId));
      expect(rows).toHaveLength(1);
      expect(await holdPromotionUse(db, hold(promo))).toEqual({ ok: false, refusal: 'TOTAL_LIMIT' });
    });

    it('stops counting a lapsed hold; a late payment holds again and keeps its use only while nobody took it', async () => {
      const later = NOW + HOLD_MS + 1;
      const confirm = (checkoutId: string, orderId: string) =>
        confirmPromotionUsesStatement(db, { checkoutId, orderId, now: later });
      const stateOf = async (checkoutId: string) =>
        (await db.select().from(promotionUses).where(eq(promotionUses.checkoutId, checkoutId)))[0];

      const promo = await addPromotion({ usageLimit: 1 });
      const first = hold(promo);
      expect((await holdPromotionUse(db, first)).ok).toBe(true);
      // Lapsed and nobody else: the payment that comes back late holds again, and its order confirms the use.
      expect(await holdPromotionUse(db, { ...first, now: later, expiresAt: later + HOLD_MS })).toEqual({
        ok: true,
        state: 'held',
      });
      await confirm(first.checkoutId, 'ord_late');
      expect(await stateOf(first.checkoutId)).toMatchObject({ state: 'confirmed', orderId: 'ord_late' });
      expect(await holdPromotionUse(db, hold(promo, { now: later, expiresAt: later + HOLD_MS }))).toEqual({
        ok: false,
        refusal: 'TOTAL_LIMIT',
      });

      const promo2 = await addPromotion({ usageLimit: 1 });
      const a = hold(promo2);
      await holdPromotionUse(db, a);
      const b = hold(promo2, { now: later, expiresAt: later + HOLD_MS });
      expect((await holdPromotionUse(db, b)).ok).toBe(true);
      // a's hold lapsed and b took the use: a's late payment cannot hold it again, and nothing of a's is confirmed.
      expect(await holdPromotionUse(db, { ...a, now: later, expiresAt: later + HOLD_MS })).toEqual({
        ok: false,
        refusal: 'TOTAL_LIMIT',
      });
      await confirm(a.checkoutId, 'ord_a');
      expect((await stateOf(a.checkoutId))?.state).toBe('held');
      await confirm(b.checkoutId, 'ord_b');
      expect(await stateOf(b.checkoutId)).toMatchObject({
        state: 'confirmed',
        orderId: 'ord_b',
        discountAmount: 500,
      });
    });

    it('counts a customer by account or email, and holding again for the same checkout is the same use', async () => {
      const promo = await addPromotion({ perCustomerLimit: 1 });
      const mine = { usageKey: 'customer:cus_1', usageEmail: 'email:ann@example.com' };
      const first = hold(promo, mine);
      expect((await holdPromotionUse(db, first)).ok).toBe(true);
      expect(await holdPromotionUse(db, { ...first, expiresAt: NOW + 2 * HOLD_MS })).toEqual({
        ok: true,
        state: 'held',
      });
      // The same person as a guest with the account's email, and signed in with another email.
      expect(
        await holdPromotionUse(db, hold(promo, { usageKey: null, usageEmail: mine.usageEmail })),
      ).toEqual({
        ok: false,
        refusal: 'CUSTOMER_LIMIT',
      });
      expect(
        await holdPromotionUse(
          db,
          hold(promo, { usageKey: mine.usageKey, usageEmail: 'email:other@example.com' }),
        ),
      ).toEqual({ ok: false, refusal: 'CUSTOMER_LIMIT' });
      expect((await holdPromotionUse(db, hold(promo))).ok).toBe(true);
    });

    it('refuses codes of a deactivated batch, inactive promotions, and codes of another promotion', async () => {
      const promo = await addPromotion();
      const batch = newId('codeBatch', NOW);
      await db
        .insert(codeBatches)
        .values({ id: batch, promotionId: promo, prefix: 'T', quantity: 1, createdAt: NOW });
      const code = await addCode(promo, 1, batch);
      await db.update(codeBatches).set({ deactivatedAt: NOW }).where(eq(codeBatches.id, batch));
      expect(await holdPromotionUse(db, hold(promo, { code }))).toEqual({ ok: false, refusal: 'CODE_LIMIT' });
      const other = await addPromotion();
      expect(await holdPromotionUse(db, hold(other, { code }))).toEqual({ ok: false, refusal: 'CODE_LIMIT' });
      await db.update(promotions).set({ active: false }).where(eq(promotions.id, other));
      expect(await holdPromotionUse(db, hold(other))).toEqual({ ok: false, refusal: 'INACTIVE' });
    });
  });
}
