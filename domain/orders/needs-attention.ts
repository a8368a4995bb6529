/**
 * Orders needing attention: what a merchant must act on, from states the orders already have (no new concept).
 * Each reason is a filter of the admin order list (`?attention=…`) and a count on the dashboard.
 */
import type { OrderStatus } from './order-status';

/** Why an order needs a merchant, in the order the dashboard lists them. */
export const ATTENTION_REASONS = [
  'unshipped',
  'return_requested',
  'return_received',
  'refund_failed',
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** A paid order should have left within this long; after it, an unshipped order needs attention. */
export const SHIP_WITHIN_MS = 2 * 86_400_000;

/** How the dashboard and the order list name each reason. */
export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  unshipped: 'Paid, not shipped after 2 days',
  return_requested: 'Return requested: approve or reject',
  return_received: 'Return received: refund it',
  refund_failed: 'Refund failed: refund again',
};

/**
 * The order-list filter of a reason at `now`: statuses (pending/processing placed before the shipping deadline;
 * a return waiting for a decision; a return received and not refunded yet), or the orders whose latest refund the
 * provider refused (a refund retried successfully clears it).
 */
export function attentionFilter(
  reason: AttentionReason,
  now: number,
): { statuses?: readonly OrderStatus[]; placedBefore?: number; refundFailed?: true } {
  switch (reason) {
    case 'unshipped':
      return { statuses: ['pending', 'processing'], placedBefore: now - SHIP_WITHIN_MS };
    case 'return_requested':
      return { statuses: ['return_requested'] };
    case 'return_received':
      return { statuses: ['returned'] };
    case 'refund_failed':
      return { refundFailed: true };
  }
}
