/** Why an entered code did not apply: a typed reason the UI can switch on, and the sentence a shopper reads. */
import type { Money } from '@domain/pricing/money';
import { toDecimalString } from '@domain/pricing/money';

/** One reason per rule, checked in this order (the first that fails is the one reported). */
export type PromotionRejection =
  | { reason: 'UNKNOWN_CODE' }
  | { reason: 'DUPLICATE_CODE' }
  | { reason: 'INACTIVE' }
  | { reason: 'NOT_STARTED'; startsAt: number }
  | { reason: 'EXPIRED'; endsAt: number }
  | { reason: 'EMPTY_CART' }
  | { reason: 'WRONG_CURRENCY'; currency: string }
  | { reason: 'USAGE_LIMIT_REACHED' }
  | { reason: 'CUSTOMER_LIMIT_REACHED'; limit: number }
  | { reason: 'SIGN_IN_REQUIRED' }
  | { reason: 'CUSTOMER_NOT_ELIGIBLE' }
  | { reason: 'FIRST_ORDER_ONLY' }
  | { reason: 'SHIPPING_ADDRESS_REQUIRED' }
  | { reason: 'COUNTRY_NOT_ELIGIBLE'; country: string }
  | { reason: 'BELOW_MINIMUM_SUBTOTAL'; minSubtotal: Money; shortBy: Money }
  | { reason: 'BELOW_MINIMUM_QUANTITY'; minQuantity: number; shortBy: number }
  | { reason: 'NO_QUALIFYING_ITEMS' }
  | { reason: 'NOT_ENOUGH_ITEMS'; buyQuantity: number; getQuantity: number }
  | { reason: 'NOT_COMBINABLE'; withPromotionId: string; withLabel: string };

/** The reason names, for schemas and exhaustive tables. */
export type PromotionRejectionReason = PromotionRejection['reason'];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * Money in a sentence ("$12.00"). The message is the interface here (checkout shows it as is), so it is formatted in
 * the domain, exactly (from the decimal string, never a float); the Money itself stays in the reason for the UI.
 */
export function formatMoneyForMessage(m: Money): string {
  const decimal = toDecimalString(m) as unknown as number; // Intl formats decimal strings exactly
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(decimal);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The shopper's sentence for why `code` did not apply. */
export function rejectionMessage(code: string, r: PromotionRejection): string {
  switch (r.reason) {
    case 'UNKNOWN_CODE':
      return 'Unknown code.';
    case 'DUPLICATE_CODE':
      return 'This code is already applied.';
    case 'INACTIVE':
      return 'This code is no longer valid.';
    case 'NOT_STARTED':
      return 'This code is not active yet.';
    case 'EXPIRED':
      return 'This code has expired.';
    case 'EMPTY_CART':
      return `Add items to your cart to use ${code}.`;
    case 'WRONG_CURRENCY':
      return `This code only works for orders in ${r.currency}.`;
    case 'USAGE_LIMIT_REACHED':
      return 'This code has already been used.';
    case 'CUSTOMER_LIMIT_REACHED':
      return r.limit === 1
        ? 'You have already used this code.'
        : `You have already used this code ${plural(r.limit, 'time', 'times')}, the most allowed.`;
    case 'SIGN_IN_REQUIRED':
      return 'Sign in to use this code.';
    case 'CUSTOMER_NOT_ELIGIBLE':
      return 'This code is not available for your account.';
    case 'FIRST_ORDER_ONLY':
      return 'Only for first orders.';
    case 'SHIPPING_ADDRESS_REQUIRED':
      return `Enter your shipping address to use ${code}.`;
    case 'COUNTRY_NOT_ELIGIBLE':
      return `Not valid for shipping to ${regionNames.of(r.country) ?? r.country}.`;
    case 'BELOW_MINIMUM_SUBTOTAL':
      return `Add ${formatMoneyForMessage(r.shortBy)} more to use ${code} (minimum subtotal ${formatMoneyForMessage(r.minSubtotal)}).`;
    case 'BELOW_MINIMUM_QUANTITY':
      return `Add ${plural(r.shortBy, 'more item', 'more items')} to use ${code} (minimum ${r.minQuantity}).`;
    case 'NO_QUALIFYING_ITEMS':
      return 'No items in your cart qualify.';
    case 'NOT_ENOUGH_ITEMS':
      return `Buy ${plural(r.buyQuantity, 'qualifying item', 'qualifying items')} to get ${r.getQuantity} at the offer price.`;
    case 'NOT_COMBINABLE':
      return `Cannot be combined with ${r.withLabel}, which saves you more.`;
  }
}
