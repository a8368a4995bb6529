/**
 * Back-office promotions: create and change them (their shared codes with them), generate batches of single-use
 * codes, export a batch as CSV and deactivate it. Every write is audited in the same batch.
 */

import type { Db } from '@db/client';
import { appendAuditStatement } from '@db/repositories/audit';
import {
  batchCodesWithUse,
  type CodeBatchRow,
  deactivateBatchStatement,
  existingCodes,
  findBatch,
  findPromotionRow,
  insertBatchCodes,
  insertBatchStatement,
  insertPromotionStatement,
  listBatches,
  listPromotions,
  type PromotionRow,
  promotionOf,
  promotionRow,
  setSharedCodesStatements,
  sharedCodesByPromotion,
  sharedCodesOf,
  updatePromotionStatement,
} from '@db/repositories/promotions';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { currencyOf, type Promotion, type PromotionInput } from '@domain/pricing/promotions';
import {
  type CodeBatchInput,
  codeFromBytes,
  RANDOM_PART_LENGTH,
} from '@domain/pricing/promotions/code-batch';
import { auditEntry } from '@worker/services/audit/audit';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import Papa from 'papaparse';

export interface PromotionsContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
}

/** A promotion as the back office shows it: the domain shape, its live uses and when it was made. */
export type AdminPromotion = Promotion & { uses: number; createdAt: number; updatedAt: number };

const audit = (ctx: PromotionsContext, action: string, id: string, before: unknown, after: unknown) =>
  appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'promotion',
      entityId: id,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );

const codesOf = (input: PromotionInput) => (input.trigger.kind === 'code' ? input.trigger.codes : []);

/** The promotion's codes already stored for it, or a 409 naming those another promotion has. */
async function checkCodes(ctx: PromotionsContext, input: PromotionInput, promotionId: string | null) {
  const existing = await existingCodes(ctx.db, codesOf(input));
  const taken = existing.filter((e) => e.promotionId !== promotionId).map((e) => e.code);
  if (taken.length === 0) return ok(existing.map((e) => e.code));
  return fail<string[]>('CONFLICT', `Already in use: ${taken.join(', ')}. Codes are never reused.`, {
    errors: [{ path: 'trigger.codes', message: `Already in use: ${taken.join(', ')}` }],
  });
}

/** Runs a batch; a UNIQUE failure (a racing writer took a code) is a 409 like the check before it. */
async function writeOr409<T>(write: () => Promise<unknown>, value: () => Promise<T> | T): Promise<Result<T>> {
  try {
    await write();
  } catch (e) {
    if (
      !/UNIQUE constraint failed/.test(`${(e as Error).message} ${String((e as { cause?: unknown }).cause)}`)
    )
      throw e;
    return fail(
      'CONFLICT',
      'One of these codes was just taken by another promotion. Codes are never reused.',
    );
  }
  return ok(await value());
}

function adminView(row: PromotionRow, codes: string[], uses: number): AdminPromotion {
  return { ...promotionOf(row, codes), uses, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export async function listAdminPromotions(db: Db, now: number): Promise<AdminPromotion[]> {
  const [rows, codes] = await Promise.all([listPromotions(db, now), sharedCodesByPromotion(db)]);
  return rows.map((r) => adminView(r.row, codes.get(r.row.id) ?? [], Number(r.uses)));
}

export async function getAdminPromotion(db: Db, id: string, now: number): Promise<AdminPromotion | null> {
  const [found] = await listPromotions(db, now, id);
  return found ? adminView(found.row, await sharedCodesOf(db, id), Number(found.uses)) : null;
}

export async function createPromotion(
  ctx: PromotionsContext,
  input: PromotionInput,
): Promise<Result<AdminPromotion>> {
  const owned = await checkCodes(ctx, input, null);
  if (!owned.ok) return owned;
  const id = newId('promotion', ctx.now);
  const row: PromotionRow = { ...promotionRow(id, input, currencyOf(input), ctx.now), createdAt: ctx.now };
  return writeOr409(
    () =>
      ctx.db.batch([
        insertPromotionStatement(ctx.db, row),
        ...setSharedCodesStatements(ctx.db, id, codesOf(input), [], ctx.now),
        audit(ctx, 'promotion.create', id, null, { ...row, codes: codesOf(input) }),
      ]),
    () => adminView(row, [...codesOf(input)], 0),
  );
}

export async function updatePromotion(
  ctx: PromotionsContext,
  id: string,
  input: PromotionInput,
): Promise<Result<AdminPromotion>> {
  const before = await findPromotionRow(ctx.db, id);
  if (!before) return fail('NOT_FOUND', 'No promotion has this id.');
  const owned = await checkCodes(ctx, input, id);
  if (!owned.ok) return owned;
  const activeBefore = await sharedCodesOf(ctx.db, id);
  const after: PromotionRow = {
    ...promotionRow(id, input, currencyOf(input), ctx.now),
    createdAt: before.createdAt,
  };
  return writeOr409(
    () =>
      ctx.db.batch([
        updatePromotionStatement(ctx.db, id, after),
        ...setSharedCodesStatements(ctx.db, id, codesOf(input), owned.value, ctx.now),
        audit(
          ctx,
          'promotion.update',
          id,
          { ...before, codes: activeBefore },
          { ...after, codes: codesOf(input) },
        ),
      ]),
    async () => (await getAdminPromotion(ctx.db, id, ctx.now))!,
  );
}

/**
 * Generates `quantity` single-use codes for a promotion in one batch row. Codes that collide with existing ones (about
 * once in 10^7 batches) are drawn again, at most a few rounds.
 */
export async function generateCodeBatch(
  ctx: PromotionsContext,
  promotionId: string,
  input: CodeBatchInput,
): Promise<Result<CodeBatchRow & { created: number }>> {
  const promotion = await findPromotionRow(ctx.db, promotionId);
  if (!promotion) return fail('NOT_FOUND', 'No promotion has this id.');
  if (promotion.triggerKind !== 'code')
    return fail('CONFLICT', 'This promotion applies by itself; only code promotions take generated codes.');
  const batch: CodeBatchRow = {
    id: newId('codeBatch', ctx.now),
    promotionId,
    prefix: input.prefix,
    quantity: input.quantity,
    createdAt: ctx.now,
    createdBy: ctx.actor.id,
    deactivatedAt: null,
  };
  await ctx.db.batch([
    insertBatchStatement(ctx.db, batch),
    audit(ctx, 'promotion.codes.generate', promotionId, null, batch),
  ]);
  let created = 0;
  for (let round = 0; round < 5 && created < input.quantity; round++) {
    created += await insertBatchCodes(ctx.db, batch, randomCodes(input.prefix, input.quantity - created));
  }
  return ok({ ...batch, created });
}

function randomCodes(prefix: string, count: number): string[] {
  const codes = new Set<string>();
  // One draw per code: getRandomValues takes at most 64 KiB at a time.
  for (let i = 0; i < count; i++)
    codes.add(codeFromBytes(prefix, crypto.getRandomValues(new Uint8Array(RANDOM_PART_LENGTH))));
  return [...codes];
}

/** A promotion's batches, or null when there is no such promotion. */
export async function listCodeBatches(db: Db, promotionId: string) {
  if (!(await findPromotionRow(db, promotionId))) return null;
  return listBatches(db, promotionId);
}

/** Turns every code of a batch off at once (already confirmed uses stay). */
export async function deactivateCodeBatch(
  ctx: PromotionsContext,
  promotionId: string,
  batchId: string,
): Promise<Result<CodeBatchRow>> {
  const batch = await findBatch(ctx.db, promotionId, batchId);
  if (!batch) return fail('NOT_FOUND', 'This promotion has no such batch.');
  if (batch.deactivatedAt != null) return ok(batch);
  await ctx.db.batch([
    deactivateBatchStatement(ctx.db, batchId, ctx.now),
    audit(ctx, 'promotion.codes.deactivate', promotionId, batch, { ...batch, deactivatedAt: ctx.now }),
  ]);
  return ok({ ...batch, deactivatedAt: ctx.now });
}

/** A batch's codes as CSV (code, used), for mail merges and printing. */
export async function codeBatchCsv(db: Db, promotionId: string, batchId: string): Promise<Result<string>> {
  const batch = await findBatch(db, promotionId, batchId);
  if (!batch) return fail('NOT_FOUND', 'This promotion has no such batch.');
  const rows = await batchCodesWithUse(db, batchId);
  return ok(
    Papa.unparse({
      fields: ['code', 'used', 'active'],
      data: rows.map((r) => [r.code, r.used ? 'yes' : 'no', batch.deactivatedAt == null ? 'yes' : 'no']),
    }),
  );
}
