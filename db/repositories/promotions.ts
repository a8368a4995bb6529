/**
 * Promotions and their codes as the back office and checkout read and write them. Rows turn into the domain's
 * `Promotion` through its own schema (promotionOf), so what evaluation sees is always what the admin input allowed.
 */
import type { Db } from '@db/client';
import { codeBatches, discountCodes, promotions, promotionUses } from '@db/schema';
import { type Promotion, PromotionInput } from '@domain/pricing/promotions';
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';

export type PromotionRow = typeof promotions.$inferSelect;
export type CodeBatchRow = typeof codeBatches.$inferSelect;

/** The domain promotion a row and its shared codes stand for. */
export function promotionOf(row: PromotionRow, codes: readonly string[]): Promotion {
  const parsed = PromotionInput.parse({
    name: row.name,
    trigger: row.triggerKind === 'code' ? { kind: 'code', codes } : { kind: 'automatic' },
    ...row.rules,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
    active: row.active,
  });
  return { ...parsed, id: row.id };
}

/** A promotion's columns from the domain's input (its shared codes go to discount_codes). */
export function promotionRow(id: string, input: PromotionInput, currency: string | null, now: number) {
  return {
    id,
    name: input.name,
    triggerKind: input.trigger.kind,
    rules: {
      benefit: input.benefit,
      conditions: input.conditions,
      stackable: input.stackable,
      priority: input.priority,
    },
    currency,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    usageLimit: input.usageLimit,
    perCustomerLimit: input.perCustomerLimit,
    active: input.active,
    updatedAt: now,
  };
}

/** Every promotion (or the one with `id`), newest first, with its live use count (confirmed, or held, unexpired). */
export async function listPromotions(db: Db, now: number, id?: string) {
  return db
    .select({
      row: promotions,
      // "promotions"."id" spelled out: ${promotions.id} renders bare in a one-table select, and a bare "id" in the
      // subquery is u.id, so the count was always 0.
      uses: sql<number>`(SELECT count(*) FROM ${promotionUses} u WHERE u.promotion_id = "promotions"."id"
        AND (u.state = 'confirmed' OR (u.state = 'held' AND u.expires_at > ${now})))`,
    })
    .from(promotions)
    .where(id ? eq(promotions.id, id) : undefined)
    .orderBy(desc(promotions.createdAt), desc(promotions.id));
}

export async function findPromotionRow(db: Db, id: string): Promise<PromotionRow | null> {
  const [row] = await db.select().from(promotions).where(eq(promotions.id, id));
  return row ?? null;
}

/** The codes typed into the promotion itself (not generated batches), active ones only. */
export async function sharedCodesOf(db: Db, promotionId: string): Promise<string[]> {
  return (await sharedCodesByPromotion(db, promotionId)).get(promotionId) ?? [];
}

/** Every promotion's (or one's) active shared codes, in one query. */
export async function sharedCodesByPromotion(db: Db, promotionId?: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ code: discountCodes.code, promotionId: discountCodes.promotionId })
    .from(discountCodes)
    .where(
      and(
        promotionId ? eq(discountCodes.promotionId, promotionId) : undefined,
        isNull(discountCodes.batchId),
        eq(discountCodes.active, true),
      ),
    )
    .orderBy(asc(discountCodes.createdAt), asc(discountCodes.code));
  const byPromotion = new Map<string, string[]>();
  for (const r of rows) byPromotion.set(r.promotionId, [...(byPromotion.get(r.promotionId) ?? []), r.code]);
  return byPromotion;
}

/** Which of `codes` exist already, and whose (any promotion, active or not: a code is never reused elsewhere). */
export async function existingCodes(
  db: Db,
  codes: readonly string[],
): Promise<{ code: string; promotionId: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: discountCodes.code, promotionId: discountCodes.promotionId })
    .from(discountCodes)
    .where(sql`${discountCodes.code} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`);
}

export const insertPromotionStatement = (db: Db, row: PromotionRow) => db.insert(promotions).values(row);

export const updatePromotionStatement = (db: Db, id: string, row: Omit<PromotionRow, 'createdAt'>) =>
  db.update(promotions).set(row).where(eq(promotions.id, id));

/** Rows per INSERT: D1 binds at most 100 parameters per statement, and a code row has six columns. */
const CODE_ROWS_PER_INSERT = 16;

/**
 * Statements that make `codes` the promotion's active shared codes: dropped ones deactivated, its own earlier ones
 * (`owned`) switched back on, new ones inserted (a code another writer took meanwhile fails the batch: UNIQUE).
 */
export function setSharedCodesStatements(
  db: Db,
  promotionId: string,
  codes: readonly string[],
  owned: readonly string[],
  now: number,
) {
  const own = and(eq(discountCodes.promotionId, promotionId), isNull(discountCodes.batchId));
  const listed = sql`${discountCodes.code} IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`;
  const fresh = codes.filter((c) => !owned.includes(c));
  const inserts = [];
  for (let i = 0; i < fresh.length; i += CODE_ROWS_PER_INSERT) {
    const rows = fresh
      .slice(i, i + CODE_ROWS_PER_INSERT)
      .map((code) => ({ code, promotionId, batchId: null, maxUses: null, active: true, createdAt: now }));
    inserts.push(db.insert(discountCodes).values(rows));
  }
  return [
    db
      .update(discountCodes)
      .set({ active: false })
      .where(and(own, sql`NOT ${listed}`)),
    db.update(discountCodes).set({ active: true }).where(and(own, listed)),
    ...inserts,
  ] as const;
}

/**
 * Inserts generated single-use codes for a batch in one statement (the list travels as one JSON parameter), skipping
 * any that collide with an existing code; answers how many went in.
 */
export async function insertBatchCodes(
  db: Db,
  batch: CodeBatchRow,
  codes: readonly string[],
): Promise<number> {
  const before = await countBatchCodes(db, batch.id);
  await db.run(sql`INSERT INTO discount_codes (code, promotion_id, batch_id, max_uses, active, created_at)
    SELECT value, ${batch.promotionId}, ${batch.id}, 1, 1, ${batch.createdAt} FROM json_each(${JSON.stringify(codes)})
    WHERE true ON CONFLICT (code) DO NOTHING`);
  return (await countBatchCodes(db, batch.id)) - before;
}

async function countBatchCodes(db: Db, batchId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)` })
    .from(discountCodes)
    .where(eq(discountCodes.batchId, batchId));
  return Number(r?.n ?? 0);
}

export const insertBatchStatement = (db: Db, row: CodeBatchRow) => db.insert(codeBatches).values(row);

export async function listBatches(db: Db, promotionId: string) {
  return db
    .select()
    .from(codeBatches)
    .where(eq(codeBatches.promotionId, promotionId))
    .orderBy(desc(codeBatches.createdAt), desc(codeBatches.id));
}

export async function findBatch(db: Db, promotionId: string, batchId: string): Promise<CodeBatchRow | null> {
  const [row] = await db
    .select()
    .from(codeBatches)
    .where(and(eq(codeBatches.id, batchId), eq(codeBatches.promotionId, promotionId)));
  return row ?? null;
}

export const deactivateBatchStatement = (db: Db, batchId: string, now: number) =>
  db
    .update(codeBatches)
    .set({ deactivatedAt: now })
    .where(and(eq(codeBatches.id, batchId), isNull(codeBatches.deactivatedAt)));

/** A batch's codes with whether each has been used (a confirmed use), for the CSV export. */
export async function batchCodesWithUse(db: Db, batchId: string) {
  return db
    .select({
      code: discountCodes.code,
      // The outer column spelled out: Drizzle renders ${discountCodes.code} in a one-table select as a bare "code",
      // which inside the subquery is u.code itself, so every code read as used once any use was confirmed.
      used: sql<number>`EXISTS (SELECT 1 FROM ${promotionUses} u WHERE u.code = "discount_codes"."code"
        AND u.state = 'confirmed')`,
    })
    .from(discountCodes)
    .where(eq(discountCodes.batchId, batchId))
    .orderBy(asc(discountCodes.code));
}

/** The active promotions a code unlocks or that apply by themselves, as the checkout evaluates them. */
export async function promotionsForCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: discountCodes.code, row: promotions })
    .from(discountCodes)
    .innerJoin(promotions, eq(promotions.id, discountCodes.promotionId))
    .leftJoin(codeBatches, eq(codeBatches.id, discountCodes.batchId))
    .where(
      and(
        inArray(discountCodes.code, [...codes]),
        eq(discountCodes.active, true),
        isNull(codeBatches.deactivatedAt),
      ),
    );
}

/** Automatic promotions that are on and not over at `now`: what every cart is evaluated against. */
export async function activeAutomaticPromotions(db: Db, now: number): Promise<Promotion[]> {
  const rows = await db
    .select()
    .from(promotions)
    .where(
      and(
        eq(promotions.triggerKind, 'automatic'),
        eq(promotions.active, true),
        or(isNull(promotions.endsAt), gt(promotions.endsAt, now)),
      ),
    );
  return rows.map((row) => promotionOf(row, []));
}
