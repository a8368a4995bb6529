/** Promotions in words for the back office: what one gives, how it is unlocked, where it stands now, its uses. */
import type { Promotion, PromotionBenefit } from '@domain/pricing/promotions';
import { formatMoney } from '~/lib/format';
import { percentOf } from '~/lib/promotion-form';

/** "10% off the order", "$15.00 off chosen items", "Buy 2, get 1 free", "Free shipping up to $10.00". */
export function describeBenefit(b: PromotionBenefit): string {
  switch (b.kind) {
    case 'order_percentage':
      return `${percentOf(b.basisPoints)}% off the order`;
    case 'order_fixed':
      return `${formatMoney(b.amount)} off the order`;
    case 'items_percentage':
      return `${percentOf(b.basisPoints)}% off chosen items`;
    case 'items_fixed':
      return `${formatMoney(b.amount)} off chosen items`;
    case 'buy_x_get_y': {
      const reward = b.get.basisPoints === 10_000 ? 'free' : `at ${percentOf(b.get.basisPoints)}% off`;
      const times = b.maxApplications === null ? '' : ` (up to ${b.maxApplications}× per order)`;
      return `Buy ${b.buy.quantity}, get ${b.get.quantity} ${reward}${times}`;
    }
    case 'free_shipping':
      return b.maxShipping ? `Free shipping up to ${formatMoney(b.maxShipping)}` : 'Free shipping';
  }
}

/** "SUMMER10, WELCOME" or "Automatic" (generated codes are counted on the promotion's own page). */
export function describeTrigger(p: Pick<Promotion, 'trigger'>): string {
  if (p.trigger.kind === 'automatic') return 'Automatic';
  return p.trigger.codes.length ? p.trigger.codes.join(', ') : 'Generated codes only';
}

/** Where a promotion stands at `now`: switched off, not started, running, or over (end exclusive). */
export type PromotionStatus = 'off' | 'scheduled' | 'active' | 'ended';

export function promotionStatus(
  p: Pick<Promotion, 'active' | 'startsAt' | 'endsAt'>,
  now: number,
): PromotionStatus {
  if (!p.active) return 'off';
  if (p.startsAt !== null && now < p.startsAt) return 'scheduled';
  if (p.endsAt !== null && now >= p.endsAt) return 'ended';
  return 'active';
}

/** Each status's label and badge class. */
export const PROMOTION_STATUS_BADGES = {
  active: ['Active', 'adm-badge-ok'],
  scheduled: ['Scheduled', 'adm-badge-muted'],
  ended: ['Ended', 'adm-badge-muted'],
  off: ['Off', 'adm-badge-muted'],
} as const satisfies Record<PromotionStatus, readonly [string, string]>;

/** "3 of 100" or "3 (no limit)". */
export function describeUses(uses: number, limit: number | null): string {
  return limit === null
    ? `${uses.toLocaleString('en-US')} (no limit)`
    : `${uses.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')}`;
}
