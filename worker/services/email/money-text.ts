/** Money as emails and timeline notes print it ("$19.99"): the text is the UI there. */
import { toDecimalString } from '@domain/pricing/money';

export function formatAmount(amount: number, currency: string): string {
  // A decimal string, never a float: Intl formats it exactly (the cast is for lib typings that predate strings).
  const decimal = toDecimalString({ amount, currency }) as unknown as number;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(decimal);
}
