/**
 * Uses of promotions, exact under concurrency. A use is taken by one INSERT … SELECT whose WHERE counts the live uses
 * (confirmed, or held and not expired) against the promotion's total limit, the shopper's per-customer limit and the
 * code's own limit, inside the statement: SQLite (D1, libSQL) runs one write at a time, so of 50 checkouts racing for
 * a single-use code exactly one row goes in, whatever order they arrive in. A lapsed hold stops counting by itself.
 */
import type { Db } from '@db/client';
import { promotionUses } from '@db/schema';
import { and, eq, gt, sql } from 'drizzle-orm';

/** What holding a use needs; `id` is minted by the caller, `expiresAt` is when the hold lapses. */
export interface UseHold {
  id: string;
  promotionId: string;
  checkoutId: string;
  /** The code that unlocked it (null for an automatic promotion). */
  code: string | null;
  /** `customer:<id>` for a signed-in shopper (null for a guest). */
  usageKey: string | null;
  /** `email:<address>`, lower-case, the checkout's email. */
  usageEmail: string | null;
  /** What the promotion takes off this order (minor units), kept for reports. */
  discountAmount: number;
  now: number;
  expiresAt: number;
}

/** Which limit refused a use, for the shopper's message. */
export type UseRefusal = 'INACTIVE' | 'TOTAL_LIMIT' | 'CUSTOMER_LIMIT' | 'CODE_LIMIT';

export type HoldOutcome = { ok: true; state: 'held' | 'confirmed' } | { ok: false; refusal: UseRefusal };

/** SQL: `u` is a use that counts against limits at `now`. */
const live = (now: number) => sql`(u.state = 'confirmed' OR (u.state = 'held' AND u.expires_at > ${now}))`;

/** SQL: live uses of promotion `p.id` other than this checkout's own, narrowed by `extra`. */
const othersCount = (h: UseHold, extra = sql``) =>
  sql`(SELECT count(*) FROM promotion_uses u WHERE u.promotion_id = p.id AND u.checkout_id <> ${h.checkoutId}
    AND ${live(h.now)} ${extra})`;

/** SQL: the shopper's own earlier uses, by either of their keys. */
const customerMatch = (h: UseHold) =>
  sql`AND (u.usage_key IN (${h.usageKey}, ${h.usageEmail}) OR u.usage_email IN (${h.usageKey}, ${h.usageEmail}))`;

/** SQL: the code exists for this promotion, is active (itself and its batch) and has a use left. */
const codeUsable = (h: UseHold) => sql`EXISTS (
  SELECT 1 FROM discount_codes d LEFT JOIN code_batches b ON b.id = d.batch_id
  WHERE d.code = ${h.code} AND d.promotion_id = p.id AND d.active = 1 AND b.deactivated_at IS NULL
    AND (d.max_uses IS NULL OR (SELECT count(*) FROM promotion_uses u WHERE u.code = d.code
      AND u.checkout_id <> ${h.checkoutId} AND ${live(h.now)}) < d.max_uses))`;

/**
 * Holds one use for a checkout attempt until `expiresAt`, or says which limit is reached. Idempotent per checkout and
 * promotion: holding again refreshes the same row (a lapsed or released one is taken again only if the limits still
 * allow it), and a confirmed use stays confirmed.
 */
export async function holdPromotionUse(db: Db, h: UseHold): Promise<HoldOutcome> {
  const hasCustomer = h.usageKey != null || h.usageEmail != null;
  await db.run(sql`
    INSERT INTO promotion_uses (id, promotion_id, code, usage_key, usage_email, checkout_id, discount_amount, state,
      expires_at, created_at)
    SELECT ${h.id}, p.id, ${h.code}, ${h.usageKey}, ${h.usageEmail}, ${h.checkoutId}, ${h.discountAmount}, 'held',
      ${h.expiresAt}, ${h.now}
    FROM promotions p
    WHERE p.id = ${h.promotionId} AND p.active = 1
      AND (p.usage_limit IS NULL OR ${othersCount(h)} < p.usage_limit)
      AND (p.per_customer_limit IS NULL OR ${hasCustomer ? 0 : 1} = 1
        OR ${othersCount(h, customerMatch(h))} < p.per_customer_limit)
      AND (${h.code} IS NULL OR ${codeUsable(h)})
    ON CONFLICT (checkout_id, promotion_id) DO UPDATE SET state = 'held', expires_at = excluded.expires_at,
      code = excluded.code, usage_key = excluded.usage_key, usage_email = excluded.usage_email,
      discount_amount = excluded.discount_amount
    WHERE promotion_uses.state <> 'confirmed'`);
  const [row] = await db
    .select({ state: promotionUses.state, expiresAt: promotionUses.expiresAt })
    .from(promotionUses)
    .where(and(eq(promotionUses.checkoutId, h.checkoutId), eq(promotionUses.promotionId, h.promotionId)));
  if (row?.state === 'confirmed') return { ok: true, state: 'confirmed' };
  // Held and live: by this call, or by a concurrent one for the same checkout (the shopper's return racing the
  // webhook), whose expiry may differ by the moment it was made. Either way the checkout holds the use.
  if (row?.state === 'held' && row.expiresAt > h.now) return { ok: true, state: 'held' };
  return { ok: false, refusal: await refusalOf(db, h) };
}

/** Which limit stands in the way (read after the guarded insert refused; the first that is reached). */
async function refusalOf(db: Db, h: UseHold): Promise<UseRefusal> {
  const [r] = await db.all<{ active: number; total: number; customer: number; code: number }>(sql`
    SELECT p.active AS active,
      (p.usage_limit IS NOT NULL AND ${othersCount(h)} >= p.usage_limit) AS total,
      (p.per_customer_limit IS NOT NULL AND ${othersCount(h, customerMatch(h))} >= p.per_customer_limit) AS customer,
      (${h.code} IS NOT NULL AND NOT ${codeUsable(h)}) AS code
    FROM promotions p WHERE p.id = ${h.promotionId}`);
  if (!r?.active) return 'INACTIVE';
  if (r.code) return 'CODE_LIMIT';
  if (r.customer) return 'CUSTOMER_LIMIT';
  return 'TOTAL_LIMIT';
}

/**
 * Confirms a checkout's held uses with its order: a statement for the order's own batch. A payment that came back
 * after its holds lapsed holds them again first (holdPromotionUse re-takes a lapsed use only while the limits allow),
 * and only live holds are confirmed.
 */
export const confirmPromotionUsesStatement = (
  db: Db,
  u: { checkoutId: string; orderId: string; now: number },
) =>
  db
    .update(promotionUses)
    .set({ state: 'confirmed', orderId: u.orderId, confirmedAt: u.now })
    .where(
      and(
        eq(promotionUses.checkoutId, u.checkoutId),
        eq(promotionUses.state, 'held'),
        gt(promotionUses.expiresAt, u.now),
      ),
    );

/** Gives a checkout's held uses back at once (its payment failed or was abandoned); confirmed ones stay. */
export async function releasePromotionUses(db: Db, checkoutId: string): Promise<void> {
  await db
    .update(promotionUses)
    .set({ state: 'released' })
    .where(and(eq(promotionUses.checkoutId, checkoutId), eq(promotionUses.state, 'held')));
}

/**
 * Live uses per promotion (and this shopper's), for evaluation's "already used" and limit messages. The checkout's own
 * uses are left out: a shopper coming back to a checkout they started paying for is not refused their own hold.
 */
export async function liveUsage(
  db: Db,
  promotionIds: readonly string[],
  keys: { usageKey: string | null; usageEmail: string | null; checkoutId: string },
  now: number,
): Promise<Record<string, { total: number; mine: number }>> {
  if (promotionIds.length === 0) return {};
  const rows = await db.all<{ promotion_id: string; total: number; mine: number }>(sql`
    SELECT u.promotion_id, count(*) AS total,
      sum(u.usage_key IN (${keys.usageKey}, ${keys.usageEmail}) OR u.usage_email IN (${keys.usageKey}, ${keys.usageEmail}))
        AS mine
    FROM promotion_uses u
    WHERE u.promotion_id IN (SELECT value FROM json_each(${JSON.stringify(promotionIds)})) AND ${live(now)}
      AND u.checkout_id <> ${keys.checkoutId}
    GROUP BY u.promotion_id`);
  return Object.fromEntries(
    rows.map((r) => [r.promotion_id, { total: Number(r.total), mine: Number(r.mine ?? 0) }]),
  );
}
