/** Builders for promotion tests: promotions through the real schema, cart lines, customers and evaluation input. */
import { newId } from '@domain/core/ids';
import { type Money, money } from '@domain/pricing/money';
import {
  type EvaluationInput,
  type Promotion,
  PromotionInput,
  type PromotionLine,
} from '@domain/pricing/promotions';

export const usd = (amount: number): Money => money(amount, 'USD');
export const T0 = Date.UTC(2026, 5, 1);
export const DAY = 86_400_000;

/** Stable ids for test catalogues (`ids.product('mug')` is the same id every call). */
function idBook(kind: 'product' | 'category' | 'collection' | 'customer') {
  const book = new Map<string, string>();
  return (name: string) => {
    let id = book.get(name);
    if (!id) {
      id = newId(kind, T0);
      book.set(name, id);
    }
    return id;
  };
}
export const ids = {
  product: idBook('product'),
  category: idBook('category'),
  collection: idBook('collection'),
  customer: idBook('customer'),
};

let serial = 0;
/** A promotion parsed by PromotionInput (so defaults apply) with an id; ids sort in creation order. */
export function promotion(input: Record<string, unknown>, id?: string): Promotion {
  serial += 1;
  const parsed = PromotionInput.parse({ name: `Promotion ${serial}`, ...input });
  return { ...parsed, id: id ?? `promo_${String(serial).padStart(26, '0')}` };
}

/** A code promotion unlocked by `code`. */
export function codePromotion(code: string, input: Record<string, unknown>, id?: string): Promotion {
  return promotion({ trigger: { kind: 'code', codes: [code] }, ...input }, id);
}

/** A cart line for product `name` (ids from `ids`), in USD unless `unitPrice` says otherwise. */
export function line(
  name: string,
  quantity: number,
  unitPrice: number | Money,
  more: { categories?: string[]; collections?: string[] } = {},
): PromotionLine {
  return {
    sku: `SKU-${name.toUpperCase()}`,
    productId: ids.product(name),
    categoryIds: (more.categories ?? []).map(ids.category),
    collectionIds: (more.collections ?? []).map(ids.collection),
    quantity,
    unitPrice: typeof unitPrice === 'number' ? usd(unitPrice) : unitPrice,
  };
}

export const guest = { signedIn: false, previousOrders: 0 } as const;

/** Evaluation input with defaults: a guest, USD, no shipping yet, at T0, nothing automatic, no codes. */
export function evaluation(over: Partial<EvaluationInput>): EvaluationInput {
  return {
    lines: [],
    currency: 'USD',
    shipping: null,
    customer: guest,
    shippingCountry: null,
    now: T0,
    automatic: [],
    codes: [],
    ...over,
  };
}

/** `codes` entered, each looked up among `promotions` by its code list (unknown ones come back null). */
export function enter(codes: string[], promotions: readonly Promotion[]) {
  return codes.map((code) => ({
    code,
    promotion:
      promotions.find(
        (p) => p.trigger.kind === 'code' && p.trigger.codes.includes(code.trim().toUpperCase()),
      ) ?? null,
  }));
}
