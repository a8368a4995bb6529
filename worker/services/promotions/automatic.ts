/**
 * The active automatic promotions, compiled once per page version in this isolate: every cart read and checkout
 * evaluates against them, so with a thousand of them evaluation still costs no query and no compilation.
 */
import { createDb } from '@db/client';
import { activeAutomaticPromotions } from '@db/repositories/promotions';
import { type CompiledPromotions, compilePromotions, type Promotion } from '@domain/pricing/promotions';
import type { Env } from '@worker/env';
import { perPageVersion } from '@worker/services/catalog/catalog-version';

/** The automatic promotions compiled once per page version, and which of them need usage counts or order history. */
export interface Automatic {
  list: Promotion[];
  compiled: CompiledPromotions;
  limitedIds: string[];
  firstOrderOnly: boolean;
}

async function readAutomatic(env: Env, now: number): Promise<Automatic> {
  const list = await activeAutomaticPromotions(createDb(env), now);
  return {
    list,
    compiled: compilePromotions(list),
    limitedIds: list.filter((p) => p.usageLimit != null || p.perCustomerLimit != null).map((p) => p.id),
    firstOrderOnly: list.some((p) => p.conditions.firstOrderOnly),
  };
}

/**
 * The active automatic promotions as of the page version this isolate knows: a promotion's change bumps it (a
 * trigger, migration 0020), so the next checkout compiles them again; in between, evaluation costs no query for them.
 */
export const automaticPromotions = perPageVersion(readAutomatic);

/**
 * The automatic promotions a browser may know (for offline totals): every one not limited to listed customers, whose
 * lists would name people. Usage limits stay server-side facts: a device shows an estimate, the server decides.
 */
export async function publicAutomaticPromotions(env: Env, now: number): Promise<Promotion[]> {
  const { list } = await automaticPromotions(env, now);
  return list.filter(
    (p) => p.conditions.customerIds.length === 0 && p.conditions.customerEmails.length === 0,
  );
}
