/** The promotion editor's fields as its actions accept them (qwik-city's zod$; app/lib/promotion-form.ts checks them). */
import { z } from '@builder.io/qwik-city';

const short = z.string().max(40).optional();
// Lists hold up to 500 ids, codes or emails (MAX_PROMOTION_LIST) of at most ~260 characters each.
const list = z.string().max(64_000).optional();

/** The fields as the form posts them (every value a string; a checkbox is present or absent). */
export const PromotionFormFields = {
  name: z.string().max(500),
  triggerKind: short,
  codes: list,
  benefitKind: short,
  percent: short,
  amount: short,
  maxShipping: short,
  productIds: list,
  categoryIds: list,
  collectionIds: list,
  buyQuantity: short,
  getQuantity: short,
  getProductIds: list,
  getCategoryIds: list,
  getCollectionIds: list,
  maxApplications: short,
  minSubtotal: short,
  minQuantity: short,
  signedInOnly: short,
  firstOrderOnly: short,
  customerIds: list,
  customerEmails: list,
  shippingCountries: list,
  startsAt: short,
  endsAt: short,
  usageLimit: short,
  perCustomerLimit: short,
  stackable: short,
  priority: short,
  active: short,
};
