/** A stored promotion as the editor's initial values (the reverse of promotionFromForm). */
import { formatCsvPrice } from '@domain/catalog/csv-price';
import type { Money } from '@domain/pricing/money';
import type { Promotion, PromotionTargets } from '@domain/pricing/promotions';
import { utcInput } from '~/lib/banner-form';
import { type PromotionFormValues, percentOf } from '~/lib/promotion-form';

function joinList(xs: readonly string[] | undefined): string {
  return (xs ?? []).join(', ');
}

function moneyText(m: Money | null | undefined): string {
  return m ? formatCsvPrice(m.amount, m.currency) : '';
}

function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}

function flag(on: boolean): string {
  return on ? 'on' : '';
}

function sameTargets(a: PromotionTargets, b: PromotionTargets): boolean {
  return (
    JSON.stringify([a.productIds, a.categoryIds, a.collectionIds]) ===
    JSON.stringify([b.productIds, b.categoryIds, b.collectionIds])
  );
}

/** The benefit's own fields; a buy X get Y's items given are left empty when they are the items bought. */
function benefitValues(b: Promotion['benefit']): PromotionFormValues {
  switch (b.kind) {
    case 'order_percentage':
      return { percent: percentOf(b.basisPoints) };
    case 'order_fixed':
      return { amount: moneyText(b.amount) };
    case 'items_percentage':
    case 'items_fixed':
      return {
        ...(b.kind === 'items_percentage'
          ? { percent: percentOf(b.basisPoints) }
          : { amount: moneyText(b.amount) }),
        productIds: joinList(b.targets.productIds),
        categoryIds: joinList(b.targets.categoryIds),
        collectionIds: joinList(b.targets.collectionIds),
      };
    case 'buy_x_get_y': {
      const get = sameTargets(b.buy.targets, b.get.targets) ? undefined : b.get.targets;
      return {
        percent: b.get.basisPoints === 10_000 ? '' : percentOf(b.get.basisPoints),
        productIds: joinList(b.buy.targets.productIds),
        categoryIds: joinList(b.buy.targets.categoryIds),
        collectionIds: joinList(b.buy.targets.collectionIds),
        buyQuantity: String(b.buy.quantity),
        getQuantity: String(b.get.quantity),
        getProductIds: joinList(get?.productIds),
        getCategoryIds: joinList(get?.categoryIds),
        getCollectionIds: joinList(get?.collectionIds),
        maxApplications: numberText(b.maxApplications),
      };
    }
    case 'free_shipping':
      return { maxShipping: moneyText(b.maxShipping) };
  }
}

/** A stored promotion as the form's initial values. */
export function promotionFormValues(p: Promotion): PromotionFormValues {
  const c = p.conditions;
  return {
    name: p.name,
    triggerKind: p.trigger.kind,
    codes: p.trigger.kind === 'code' ? joinList(p.trigger.codes) : '',
    benefitKind: p.benefit.kind,
    ...benefitValues(p.benefit),
    minSubtotal: moneyText(c.minSubtotal),
    minQuantity: numberText(c.minQuantity),
    signedInOnly: flag(c.signedInOnly),
    firstOrderOnly: flag(c.firstOrderOnly),
    customerIds: joinList(c.customerIds),
    customerEmails: joinList(c.customerEmails),
    shippingCountries: joinList(c.shippingCountries),
    startsAt: utcInput(p.startsAt),
    endsAt: utcInput(p.endsAt),
    usageLimit: numberText(p.usageLimit),
    perCustomerLimit: numberText(p.perCustomerLimit),
    stackable: flag(p.stackable),
    priority: String(p.priority),
    active: flag(p.active),
  };
}

/** A new promotion's starting values: a code promotion, a percentage off the order, active. */
export const NEW_PROMOTION_VALUES: PromotionFormValues = {
  triggerKind: 'code',
  benefitKind: 'order_percentage',
  priority: '0',
  active: 'on',
};
