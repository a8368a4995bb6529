/**
 * The emails the platform sends, each as an EmailMessage with a plain-text and an HTML part. Links are absolute URLs
 * made by the caller (which knows the origin and the token); user data (names, addresses) is escaped in the HTML.
 */

import type { ShopSettings } from '@worker/services/shop/settings';
import { type EmailContent, renderHtml, renderText } from './layout';
import type { EmailKind, EmailMessage } from './message';

function compose(to: string, kind: EmailKind, subject: string, content: EmailContent): EmailMessage {
  return { to, kind, subject, text: renderText(content), html: renderHtml(content) };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Asks a new customer to confirm their address by opening `link`. */
export function verifyEmailMessage(
  input: { to: string; link: string; name?: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = 'Confirm your email address';
  return compose(input.to, 'verify-email', `${heading} for ${shop.name}`, {
    shopName: shop.name,
    heading,
    preheader: `One click to finish setting up your ${shop.name} account.`,
    name: input.name,
    paragraphs: [`Please confirm that ${input.to} is your email address for your ${shop.name} account.`],
    action: { label: 'Confirm email address', url: input.link },
    notes: ['If you did not create an account, you can ignore this email.'],
  });
}

/** A password reset link that works for `expiresInMinutes`. */
export function passwordResetMessage(
  input: { to: string; link: string; expiresInMinutes: number; name?: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = 'Reset your password';
  return compose(input.to, 'reset-password', `Reset your ${shop.name} password`, {
    shopName: shop.name,
    heading,
    preheader: `This link works for ${plural(input.expiresInMinutes, 'minute')}.`,
    name: input.name,
    paragraphs: [`Someone asked to reset the password of your ${shop.name} account. Choose a new one here:`],
    action: { label: 'Choose a new password', url: input.link },
    notes: [
      `The link works for ${plural(input.expiresInMinutes, 'minute')} and only once.`,
      'If you did not ask for this, ignore this email: your password stays the same.',
    ],
  });
}

/**
 * An address change: `confirm` goes to the new address (the change happens only when its link is opened), `notice`
 * to the old one, so the owner learns of a change they did not make while the old address still works.
 */
export function emailChangeMessages(
  input: { oldAddress: string; newAddress: string; link: string; name?: string },
  shop: ShopSettings,
): { confirm: EmailMessage; notice: EmailMessage } {
  const confirmHeading = 'Confirm your new email address';
  const confirm = compose(input.newAddress, 'email-change', `${confirmHeading} for ${shop.name}`, {
    shopName: shop.name,
    heading: confirmHeading,
    preheader: `Confirm ${input.newAddress} for your ${shop.name} account.`,
    name: input.name,
    paragraphs: [
      `Please confirm that ${input.newAddress} should become the email address of your ${shop.name} account. Until you do, the account keeps using ${input.oldAddress}.`,
    ],
    action: { label: 'Confirm new address', url: input.link },
    notes: ['If you did not ask for this change, ignore this email: nothing changes.'],
  });
  const noticeHeading = 'Your email address is being changed';
  const notice = compose(
    input.oldAddress,
    'email-change-notice',
    `Your ${shop.name} email address is being changed`,
    {
      shopName: shop.name,
      heading: noticeHeading,
      preheader: `A change to ${input.newAddress} was requested.`,
      name: input.name,
      paragraphs: [
        `Someone asked to change the email address of your ${shop.name} account from ${input.oldAddress} to ${input.newAddress}. The change happens once the new address is confirmed.`,
      ],
      notes: [
        'If this was you, there is nothing to do here.',
        'If it was not, sign in and change your password now: your account keeps this address until the new one is confirmed.',
      ],
    },
  );
  return { confirm, notice };
}

/** Invites someone to the back office with `roles`, on behalf of `inviterName`. */
export function staffInviteMessage(
  input: { to: string; link: string; inviterName: string; roles: readonly string[]; name?: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = `Join the ${shop.name} team`;
  const roles = input.roles.length > 0 ? input.roles.join(', ') : 'no role yet';
  return compose(input.to, 'staff-invite', `You are invited to the ${shop.name} back office`, {
    shopName: shop.name,
    heading,
    preheader: `${input.inviterName} invited you to the back office.`,
    name: input.name,
    paragraphs: [
      `${input.inviterName} invited you to the ${shop.name} back office.`,
      `Your role${input.roles.length === 1 ? '' : 's'}: ${roles}.`,
    ],
    action: { label: 'Accept the invitation', url: input.link },
    notes: [
      'If you were not expecting this invitation, ignore this email: no account is created without you.',
    ],
  });
}

/** A link that unlocks an account locked after repeated failed sign-ins. */
export function accountUnlockMessage(
  input: { to: string; link: string; name?: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = 'Unlock your account';
  return compose(input.to, 'account-unlock', `Unlock your ${shop.name} account`, {
    shopName: shop.name,
    heading,
    preheader: 'Your account was locked after several failed sign-in attempts.',
    name: input.name,
    paragraphs: [
      `Your ${shop.name} account was locked after several failed sign-in attempts. Open this link to unlock it:`,
    ],
    action: { label: 'Unlock my account', url: input.link },
    notes: [
      'If those attempts were not yours, choose a new password after unlocking: someone may know your address.',
    ],
  });
}

/**
 * Sent instead of a verification link when someone signs up (or moves another account) with an address that already
 * has an account: the owner learns of it, and the form's answer stays the same as for a new address.
 */
export function alreadyRegisteredMessage(
  input: { to: string; loginLink: string; resetLink: string; name?: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = 'You already have an account';
  return compose(input.to, 'already-registered', `You already have a ${shop.name} account`, {
    shopName: shop.name,
    heading,
    preheader: `Someone tried to sign up at ${shop.name} with this address.`,
    name: input.name,
    paragraphs: [
      `Someone tried to create a ${shop.name} account with ${input.to}, which already has one. If it was you, log in instead:`,
    ],
    action: { label: 'Log in', url: input.loginLink },
    notes: [
      `Forgot your password? Choose a new one at ${input.resetLink}`,
      'If it was not you, you can ignore this email: nothing has changed.',
    ],
  });
}

/** The order confirmation: what was bought, the totals, where it goes, and the link to follow the order. */
export function orderConfirmationMessage(
  input: {
    to: string;
    number: string;
    lines: { name: string; quantity: number; total: string }[];
    totals: { label: string; amount: string }[];
    shipTo: string[];
    link: string;
  },
  shop: ShopSettings,
): EmailMessage {
  const heading = `Thank you for your order ${input.number}`;
  return compose(input.to, 'order-confirmation', `Your ${shop.name} order ${input.number}`, {
    shopName: shop.name,
    heading,
    preheader: `We have your order ${input.number} and will tell you when it ships.`,
    paragraphs: [
      `We have received your order ${input.number}.`,
      ...input.lines.map((l) => `${l.quantity} × ${l.name}: ${l.total}`),
      ...input.totals.map((t) => `${t.label}: ${t.amount}`),
      `Shipping to: ${input.shipTo.join(', ')}`,
    ],
    action: { label: 'View your order', url: input.link },
    notes: ['Keep this email: the link above shows your order and its tracking at any time.'],
  });
}

/** Tells the customer a parcel of their order has left: carrier, tracking number and link, what is in it. */
export function orderShippedMessage(
  input: {
    to: string;
    number: string;
    carrier: string;
    trackingNumber: string | null;
    trackingUrl: string | null;
    lines: { name: string; quantity: number }[];
    /** True when this parcel completes the order; false when more parcels follow. */
    complete: boolean;
    orderLink: string | null;
  },
  shop: ShopSettings,
): EmailMessage {
  const heading = input.complete
    ? `Your order ${input.number} has shipped`
    : `Part of your order ${input.number} has shipped`;
  const tracking = input.trackingNumber
    ? `${input.carrier} tracking number: ${input.trackingNumber}`
    : `Sent with ${input.carrier} (no tracking number).`;
  const action = input.trackingUrl
    ? { label: 'Track your parcel', url: input.trackingUrl }
    : input.orderLink
      ? { label: 'View your order', url: input.orderLink }
      : undefined;
  return compose(input.to, 'order-shipped', `${heading} — ${shop.name}`, {
    shopName: shop.name,
    heading,
    preheader: tracking,
    paragraphs: [
      tracking,
      'In this parcel:',
      ...input.lines.map((l) => `${l.quantity} × ${l.name}`),
      ...(input.complete
        ? []
        : ['The rest of your order follows in another parcel; we will email you again.']),
    ],
    ...(action ? { action } : {}),
    ...(input.orderLink && input.trackingUrl
      ? { notes: [`Your order and all its parcels: ${input.orderLink}`] }
      : {}),
  });
}

/** Tells an administrator that a SKU's available units fell to its low-stock threshold (once per crossing). */
export function lowStockMessage(
  input: {
    to: string;
    sku: string;
    productName: string | null;
    available: number;
    threshold: number;
    link: string;
  },
  shop: ShopSettings,
): EmailMessage {
  const what = input.productName ? `${input.productName} (${input.sku})` : input.sku;
  const heading = `Low stock: ${what}`;
  return compose(input.to, 'low-stock', `${shop.name}: low stock of ${input.sku}`, {
    shopName: shop.name,
    heading,
    preheader: `${plural(input.available, 'unit')} left to sell.`,
    paragraphs: [
      `${what} has ${plural(input.available, 'unit')} left to sell, at or below its threshold of ${input.threshold}.`,
      'You will not hear about it again until its stock has gone back above the threshold and fallen once more.',
    ],
    action: { label: 'Open the product', url: input.link },
  });
}

/** Tells the customer money is on its way back (a refund or a cancellation's refund). */
export function orderRefundMessage(
  input: { to: string; number: string; amount: string; cancelled: boolean; reason: string },
  shop: ShopSettings,
): EmailMessage {
  const heading = input.cancelled
    ? `Your order ${input.number} was cancelled`
    : `A refund for your order ${input.number}`;
  return compose(input.to, 'order-refund', `${heading} (${shop.name})`, {
    shopName: shop.name,
    heading,
    preheader: `We are refunding ${input.amount} to your original payment method.`,
    paragraphs: [
      `We are refunding ${input.amount} to the payment method you used for order ${input.number}.`,
      ...(input.reason ? [`Reason: ${input.reason}`] : []),
      'Depending on your bank, it can take a few days to show on your statement.',
    ],
  });
}

/** Tells the customer staff decided on their return: approved (send it back) or rejected (with the reason). */
export function returnDecisionMessage(
  input: {
    to: string;
    orderNumber: string;
    returnNumber: string;
    approved: boolean;
    reason: string | null;
    lines: { name: string; quantity: number }[];
    orderLink: string | null;
  },
  shop: ShopSettings,
): EmailMessage {
  const heading = input.approved
    ? `Your return ${input.returnNumber} is approved`
    : `Your return ${input.returnNumber} was not accepted`;
  return compose(
    input.to,
    input.approved ? 'return-approved' : 'return-rejected',
    `${heading} (${shop.name})`,
    {
      shopName: shop.name,
      heading,
      preheader: input.approved
        ? `Send the items back and quote ${input.returnNumber}.`
        : `About your return from order ${input.orderNumber}.`,
      paragraphs: [
        input.approved
          ? `We have approved your return from order ${input.orderNumber}. Please pack these items and send them back, quoting ${input.returnNumber}:`
          : `We could not accept your return from order ${input.orderNumber} for these items:`,
        ...input.lines.map((l) => `${l.quantity} × ${l.name}`),
        ...(input.reason ? [input.approved ? `Note: ${input.reason}` : `Reason: ${input.reason}`] : []),
        ...(input.approved ? ['We will let you know about your refund once the parcel has arrived.'] : []),
      ],
      ...(input.orderLink ? { action: { label: 'View your order', url: input.orderLink } } : {}),
    },
  );
}
