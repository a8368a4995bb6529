/** Promotions prepared once for many evaluations: sorted by priority and indexed by the ids they target. */
import { currencyOf, type Promotion, type PromotionTargets } from './schema';

/** One promotion, ready to evaluate. `slots` are the ids of its target sets (buy and get for buy X get Y). */
export interface CompiledPromotion {
  promotion: Promotion;
  currency: string | null;
  /** Target set of the discounted items (items kinds, the `get` of buy X get Y), or -1 when it has none. */
  getSlot: number;
  /** Target set of the items bought for buy X get Y, else -1. */
  buySlot: number;
}

/**
 * A set of promotions in evaluation order (priority high to low, then id) with an index from
 * `p:<productId>`, `c:<categoryId>`, `l:<collectionId>` to the target sets naming it, so matching a cart costs
 * one lookup per id on its lines, whatever the number of promotions. Cache it per promotions version.
 */
export interface CompiledPromotions {
  list: readonly CompiledPromotion[];
  slotCount: number;
  byKey: ReadonlyMap<string, readonly number[]>;
}

/** Orders promotions for stacking and best-deal ties: higher priority first, then the smaller id. */
export function comparePromotions(a: Promotion, b: Promotion): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Prepares `promotions` for evaluatePromotions; the result only depends on them, so memoise it. */
export function compilePromotions(promotions: readonly Promotion[]): CompiledPromotions {
  const byKey = new Map<string, number[]>();
  let slotCount = 0;
  const index = (targets: PromotionTargets): number => {
    const slot = slotCount++;
    const add = (key: string) => {
      const slots = byKey.get(key);
      if (slots) slots.push(slot);
      else byKey.set(key, [slot]);
    };
    for (const id of targets.productIds) add(`p:${id}`);
    for (const id of targets.categoryIds) add(`c:${id}`);
    for (const id of targets.collectionIds) add(`l:${id}`);
    return slot;
  };
  const list = [...promotions].sort(comparePromotions).map((promotion): CompiledPromotion => {
    const b = promotion.benefit;
    const compiled = { promotion, currency: currencyOf(promotion), getSlot: -1, buySlot: -1 };
    if (b.kind === 'items_percentage' || b.kind === 'items_fixed') compiled.getSlot = index(b.targets);
    if (b.kind === 'buy_x_get_y') {
      compiled.buySlot = index(b.buy.targets);
      compiled.getSlot = index(b.get.targets);
    }
    return compiled;
  });
  return { list, slotCount, byKey };
}

/** The ids a cart line is known by in the index. */
export interface TargetableLine {
  productId: string;
  categoryIds: readonly string[];
  collectionIds: readonly string[];
}

/**
 * For each target set wanted (`wanted[slot]`), the indexes of the lines it matches, in line order. A line matching
 * a set through several ids is listed once. Cost: the lines' ids × the sets naming each id.
 */
export function matchLines(
  compiled: CompiledPromotions,
  lines: readonly TargetableLine[],
  wanted: Uint8Array,
): (number[] | undefined)[] {
  const matched: (number[] | undefined)[] = new Array(compiled.slotCount);
  const visit = (key: string, lineIndex: number) => {
    const slots = compiled.byKey.get(key);
    if (!slots) return;
    for (const slot of slots) {
      if (!wanted[slot]) continue;
      const list = matched[slot];
      if (!list) matched[slot] = [lineIndex];
      else if (list[list.length - 1] !== lineIndex) list.push(lineIndex);
    }
  };
  lines.forEach((line, i) => {
    visit(`p:${line.productId}`, i);
    for (const id of line.categoryIds) visit(`c:${id}`, i);
    for (const id of line.collectionIds) visit(`l:${id}`, i);
  });
  return matched;
}
