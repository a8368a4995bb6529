/** What each email the platform sends is for: a label stored with outbox messages and shown in the mailbox. */

/**
 * Every kind of email the platform sends. `email-change` goes to the new address (confirm it), `email-change-notice`
 * to the old one (a change was asked for). `already-registered` tells an address's owner that someone tried to sign up
 * (or move an account) with it: the form's answer is the same either way, so it cannot reveal who has an account.
 */
export const EMAIL_KINDS = [
  'verify-email',
  'reset-password',
  'email-change',
  'email-change-notice',
  'staff-invite',
  'account-unlock',
  'already-registered',
  'order-confirmation',
  'order-refund',
  'order-shipped',
  'return-approved',
  'return-rejected',
  'low-stock',
] as const;

/** One of EMAIL_KINDS. */
export type EmailKind = (typeof EMAIL_KINDS)[number];
