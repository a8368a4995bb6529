/** Promotions: what they are (schema), which apply to a cart and why not (evaluate), and catalog sale prices. */
export type { CartState, Discount } from './benefits';
export {
  type CompiledPromotion,
  type CompiledPromotions,
  comparePromotions,
  compilePromotions,
} from './compile';
export { type PromotionCustomer, type PromotionUsage, usageKeyOf, usageKeysOf } from './eligibility';
export {
  type AppliedPromotion,
  type CodeRejection,
  type EnteredCode,
  type EvaluationInput,
  evaluatePromotions,
  type PromotionEvaluation,
  type PromotionLine,
} from './evaluate';
export {
  formatMoneyForMessage,
  type PromotionRejection,
  type PromotionRejectionReason,
  rejectionMessage,
} from './reasons';
export { overlappingSale, type Sale, SaleInput, type SalePrice, salePriceOf } from './sale-price';
export {
  currencyOf,
  DiscountCodeSchema,
  MAX_PROMOTION_LIST,
  moneyOf,
  normalizeDiscountCode,
  type Promotion,
  type PromotionBenefit,
  PromotionBenefitInput,
  type PromotionConditions,
  PromotionConditionsInput,
  PromotionInput,
  type PromotionMoneyFields,
  type PromotionTargets,
  PromotionTargetsInput,
  PromotionTriggerInput,
} from './schema';
