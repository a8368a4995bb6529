/** Whether a promotion may apply to this shopper, cart and moment, before looking at what it would take off. */
import { type Money, money } from '@domain/pricing/money';
import type { CompiledPromotion } from './compile';
import type { PromotionRejection } from './reasons';

/** Who is buying. Guests are known by the email they gave (if any); `previousOrders` counts orders placed before. */
export interface PromotionCustomer {
  signedIn: boolean;
  customerId?: string | null;
  email?: string | null;
  previousOrders: number;
}

/**
 * Uses of one promotion (held while payment runs, plus confirmed), counted by the caller. `byCustomer` is keyed by
 * usageKeyOf; a customer's count sums every key they are known by (usageKeysOf), so an account's earlier guest
 * orders under its email count too.
 */
export interface PromotionUsage {
  total: number;
  byCustomer?: Readonly<Record<string, number>>;
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/** Every key a customer's earlier uses may be recorded under: their account and their email (case-insensitive). */
export function usageKeysOf(customer: Omit<PromotionCustomer, 'previousOrders'>): string[] {
  const keys: string[] = [];
  if (customer.signedIn && customer.customerId) keys.push(`customer:${customer.customerId}`);
  if (customer.email) keys.push(emailKey(customer.email));
  return keys;
}

/** The key a new use is recorded under: the account when signed in, else the guest's email; null if unknown. */
export function usageKeyOf(customer: Omit<PromotionCustomer, 'previousOrders'>): string | null {
  return usageKeysOf(customer)[0] ?? null;
}

/** Facts about the cart every promotion is checked against, computed once. */
export interface EligibilityContext {
  currency: string;
  subtotal: Money;
  itemCount: number;
  customer: PromotionCustomer;
  shippingCountry: string | null;
  now: number;
  usage: Readonly<Record<string, PromotionUsage>>;
}

function customerUses(usage: PromotionUsage | undefined, customer: PromotionCustomer): number {
  if (!usage?.byCustomer) return 0;
  return usageKeysOf(customer).reduce((n, key) => n + (usage.byCustomer![key] ?? 0), 0);
}

/**
 * The first rule `c` breaks, or null when it may apply. Cheap checks (flags, schedule) come first so most inactive
 * promotions cost a few comparisons. A per-customer limit with an unknown guest passes here: checkout asks for the
 * email and evaluates again before the use is held.
 */
export function eligibility(c: CompiledPromotion, ctx: EligibilityContext): PromotionRejection | null {
  const p = c.promotion;
  if (!p.active) return { reason: 'INACTIVE' };
  if (p.startsAt != null && ctx.now < p.startsAt) return { reason: 'NOT_STARTED', startsAt: p.startsAt };
  if (p.endsAt != null && ctx.now >= p.endsAt) return { reason: 'EXPIRED', endsAt: p.endsAt };
  if (ctx.itemCount === 0) return { reason: 'EMPTY_CART' };
  if (c.currency != null && c.currency !== ctx.currency)
    return { reason: 'WRONG_CURRENCY', currency: c.currency };
  const usage = ctx.usage[p.id];
  if (p.usageLimit != null && (usage?.total ?? 0) >= p.usageLimit) return { reason: 'USAGE_LIMIT_REACHED' };
  const { customer } = ctx;
  if (p.perCustomerLimit != null && customerUses(usage, customer) >= p.perCustomerLimit) {
    return { reason: 'CUSTOMER_LIMIT_REACHED', limit: p.perCustomerLimit };
  }
  const cond = p.conditions;
  if (cond.signedInOnly && !customer.signedIn) return { reason: 'SIGN_IN_REQUIRED' };
  if (cond.customerIds.length > 0 || cond.customerEmails.length > 0) {
    const email = customer.email?.trim().toLowerCase();
    const byId = customer.signedIn && !!customer.customerId && cond.customerIds.includes(customer.customerId);
    const byEmail = !!email && cond.customerEmails.includes(email);
    if (!byId && !byEmail) {
      return !customer.signedIn && !email
        ? { reason: 'SIGN_IN_REQUIRED' }
        : { reason: 'CUSTOMER_NOT_ELIGIBLE' };
    }
  }
  if (cond.firstOrderOnly && customer.previousOrders > 0) return { reason: 'FIRST_ORDER_ONLY' };
  if (cond.shippingCountries.length > 0) {
    if (ctx.shippingCountry == null) return { reason: 'SHIPPING_ADDRESS_REQUIRED' };
    if (!cond.shippingCountries.includes(ctx.shippingCountry)) {
      return { reason: 'COUNTRY_NOT_ELIGIBLE', country: ctx.shippingCountry };
    }
  }
  if (cond.minSubtotal != null && ctx.subtotal.amount < cond.minSubtotal.amount) {
    const shortBy = money(cond.minSubtotal.amount - ctx.subtotal.amount, ctx.currency);
    return { reason: 'BELOW_MINIMUM_SUBTOTAL', minSubtotal: cond.minSubtotal, shortBy };
  }
  if (cond.minQuantity != null && ctx.itemCount < cond.minQuantity) {
    return {
      reason: 'BELOW_MINIMUM_QUANTITY',
      minQuantity: cond.minQuantity,
      shortBy: cond.minQuantity - ctx.itemCount,
    };
  }
  return null;
}
