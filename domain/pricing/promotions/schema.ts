/** What a promotion is: the zod schema administrators' input passes through, and the stored type evaluation reads. */
import { idSchema } from '@domain/core/id-schema';
import { type Money, MoneySchema } from '@domain/pricing/money';
import { CountryCodeSchema } from '@domain/pricing/rules-input';
import { z } from 'zod';

/** A code as typed by a shopper or an administrator: trimmed, upper-cased, 3-32 of A-Z 0-9 _ -. */
export const DiscountCodeSchema = z
  .string()
  .trim()
  // Checked before upper-casing, so the published schema (OpenAPI) admits the lower-case codes the API accepts.
  .regex(/^[A-Za-z0-9_-]{3,32}$/, 'Discount codes are 3-32 letters, digits, "-" or "_".')
  .toUpperCase();

/** Canonical form of a code for lookups ("  summer-10 " → "SUMMER-10"); codes are case-insensitive. */
export const normalizeDiscountCode = (code: string): string => code.trim().toUpperCase();

/** Most ids one target list, codes one promotion, or customers one promotion may name (one form, one write). */
export const MAX_PROMOTION_LIST = 500;

// Not identity's EmailSchema: that module pulls in password hashing (node:crypto), and this one ships to browsers.
const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter an email address like name@example.com' }))
  .transform((e) => e.toLowerCase());

const Bps = z
  .number()
  .int('Use a whole number of basis points.')
  .min(1, 'A percentage must be more than 0%.')
  .max(10_000, 'A percentage cannot be more than 100%.');
const PositiveMoney = MoneySchema.refine((m) => m.amount > 0, 'The amount must be more than 0.');
const Count = z.number().int().positive();
const Time = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item)
    .max(MAX_PROMOTION_LIST)
    .default([])
    .refine((xs) => new Set(xs).size === xs.length, `The same ${what} is listed twice.`);
}

/** Products, categories and collections; a cart line matches when any of its ids is listed. */
export const PromotionTargetsInput = z
  .object({
    productIds: uniqueList(idSchema('product'), 'product'),
    categoryIds: uniqueList(idSchema('category'), 'category'),
    collectionIds: uniqueList(idSchema('collection'), 'collection'),
  })
  .strict()
  .refine((t) => t.productIds.length + t.categoryIds.length + t.collectionIds.length > 0, {
    message: 'Choose at least one product, category or collection.',
  });
export type PromotionTargets = z.infer<typeof PromotionTargetsInput>;

/** How a promotion is unlocked: by any of its codes, or on its own for every cart that qualifies. */
export const PromotionTriggerInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('code'),
      codes: z
        .array(DiscountCodeSchema)
        .min(1, 'Add at least one code.')
        .max(MAX_PROMOTION_LIST)
        // Compared after normalising, so "summer" and "SUMMER" count as the same code.
        .refine((cs) => new Set(cs).size === cs.length, 'The same code is listed twice.'),
    })
    .strict(),
  z.object({ kind: z.literal('automatic') }).strict(),
]);

/** What the shopper gets. Fixed amounts off items are off those items together, not per unit. */
export const PromotionBenefitInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order_percentage'), basisPoints: Bps }).strict(),
  z.object({ kind: z.literal('order_fixed'), amount: PositiveMoney }).strict(),
  z
    .object({ kind: z.literal('items_percentage'), basisPoints: Bps, targets: PromotionTargetsInput })
    .strict(),
  z
    .object({ kind: z.literal('items_fixed'), amount: PositiveMoney, targets: PromotionTargetsInput })
    .strict(),
  z
    .object({
      kind: z.literal('buy_x_get_y'),
      buy: z.object({ quantity: Count.max(99), targets: PromotionTargetsInput }).strict(),
      get: z.object({ quantity: Count.max(99), targets: PromotionTargetsInput, basisPoints: Bps }).strict(),
      /** How many times one order may use the offer; null = as often as the cart allows. */
      maxApplications: Count.max(1000).nullable().default(null),
    })
    .strict(),
  z
    .object({
      kind: z.literal('free_shipping'),
      /** Free up to this much shipping (a dearer option costs the difference); null = all of it. */
      maxShipping: PositiveMoney.nullable().default(null),
    })
    .strict(),
]);
export type PromotionBenefit = z.infer<typeof PromotionBenefitInput>;

/** Who and which carts qualify; every condition set must hold. Countries limit where the order ships. */
export const PromotionConditionsInput = z
  .object({
    minSubtotal: PositiveMoney.nullable().default(null),
    minQuantity: Count.max(10_000).nullable().default(null),
    signedInOnly: z.boolean().default(false),
    firstOrderOnly: z.boolean().default(false),
    /** Only these customers (by account id, or by email for guests and accounts alike); both empty = anyone. */
    customerIds: uniqueList(idSchema('customer'), 'customer'),
    customerEmails: uniqueList(EmailSchema, 'email'),
    /** Only orders shipping to these countries; empty = anywhere. */
    shippingCountries: uniqueList(CountryCodeSchema, 'country'),
  })
  .strict();
export type PromotionConditions = z.infer<typeof PromotionConditionsInput>;

/** A promotion as an administrator creates or changes it. */
export const PromotionInput = z
  .object({
    name: z.string().trim().min(1, 'Give the promotion a name.').max(120),
    trigger: PromotionTriggerInput,
    benefit: PromotionBenefitInput,
    conditions: PromotionConditionsInput.default(PromotionConditionsInput.parse({})),
    /** Valid from startsAt (inclusive) until endsAt (exclusive), UTC epoch ms; null = unbounded on that side. */
    startsAt: Time.nullable().default(null),
    endsAt: Time.nullable().default(null),
    /** Uses (held or confirmed) allowed in all; null = unlimited. */
    usageLimit: Count.nullable().default(null),
    /** Uses allowed per customer (account or guest email); null = unlimited. */
    perCustomerLimit: Count.nullable().default(null),
    /** Combines with other stackable promotions; a non-stackable one only ever applies alone. */
    stackable: z.boolean().default(false),
    /** Higher first when promotions stack (and to break ties, see evaluate.ts). */
    priority: z.number().int().min(-1000).max(1000).default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.startsAt == null || p.endsAt == null || p.startsAt < p.endsAt, {
    message: 'The end must be after the start.',
    path: ['endsAt'],
  })
  .refine((p) => moneyOf(p).every((m, _, all) => m.currency === all[0]!.currency), {
    message: 'Every amount in a promotion must be in the same currency.',
    path: ['benefit'],
  })
  .refine((p) => p.perCustomerLimit == null || p.usageLimit == null || p.perCustomerLimit <= p.usageLimit, {
    message: 'The per-customer limit cannot be more than the total limit.',
    path: ['perCustomerLimit'],
  });
export type PromotionInput = z.infer<typeof PromotionInput>;

/** A promotion as stored and evaluated: the parsed input plus its id. */
export type Promotion = PromotionInput & { id: string };

/** The parts of a promotion that may name money. */
export interface PromotionMoneyFields {
  benefit: PromotionBenefit;
  conditions: Pick<PromotionConditions, 'minSubtotal'>;
}

/** Every amount of money a promotion names (they share one currency, which then limits the promotion to it). */
export function moneyOf(p: PromotionMoneyFields): Money[] {
  const list: Money[] = [];
  const b = p.benefit;
  if (b.kind === 'order_fixed' || b.kind === 'items_fixed') list.push(b.amount);
  if (b.kind === 'free_shipping' && b.maxShipping) list.push(b.maxShipping);
  if (p.conditions.minSubtotal) list.push(p.conditions.minSubtotal);
  return list;
}

/** The one currency a promotion is limited to, or null when it names no money (a percentage works in any). */
export function currencyOf(p: PromotionMoneyFields): string | null {
  return moneyOf(p)[0]?.currency ?? null;
}
