/**
 * The promotion editor's form: its fields as posted (every value a string) turned into the domain's PromotionInput,
 * and the API's field errors placed on the form. Percentages are typed as percent ("12.5" → 1250 basis
 * points), money in the shop currency's major units ("15" → 1500 cents), lists comma- or line-separated, times in UTC.
 */
import { parseCsvPrice } from '@domain/catalog/csv-price';
import { type PromotionBenefit, PromotionInput, type PromotionTargets } from '@domain/pricing/promotions';
import { utcMillis } from '~/lib/banner-form';

/** The benefit kinds in the order the form offers them, with their labels. */
export const BENEFIT_KINDS = {
  order_percentage: 'Percentage off the order',
  order_fixed: 'Amount off the order',
  items_percentage: 'Percentage off chosen items',
  items_fixed: 'Amount off chosen items',
  buy_x_get_y: 'Buy X, get Y',
  free_shipping: 'Free shipping',
} as const satisfies Record<PromotionBenefit['kind'], string>;

const FIELD_NAMES = [
  'name',
  'triggerKind',
  'codes',
  'benefitKind',
  'percent',
  'amount',
  'maxShipping',
  'productIds',
  'categoryIds',
  'collectionIds',
  'buyQuantity',
  'getQuantity',
  'getProductIds',
  'getCategoryIds',
  'getCollectionIds',
  'maxApplications',
  'minSubtotal',
  'minQuantity',
  'signedInOnly',
  'firstOrderOnly',
  'customerIds',
  'customerEmails',
  'shippingCountries',
  'startsAt',
  'endsAt',
  'usageLimit',
  'perCustomerLimit',
  'stackable',
  'priority',
  'active',
] as const;

/** One of the form's field names. */
export type PromotionFieldName = (typeof FIELD_NAMES)[number];

/** The form's values by field name (a checkbox is 'on' or absent). */
export type PromotionFormValues = Partial<Record<PromotionFieldName, string>>;

/** The message for each field that is wrong, by field name (`form` for what belongs to no one field). */
export type PromotionFieldErrors = Partial<Record<PromotionFieldName | 'form', string>>;

/** "a, b\nc" → ['a', 'b', 'c']. */
export const splitList = (text: string | undefined): string[] =>
  (text ?? '').split(/[\s,;]+/).filter((s) => s.length > 0);

/** "12.5" → 1250 basis points; null when it is not a number with at most two decimals. */
export function basisPointsOf(text: string): number | null {
  const m = /^(\d{1,6})(?:[.,](\d{0,2}))?\s*%?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 → "12.5". */
export function percentOf(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** `productIds` → `getProductIds` (the items given by a buy X get Y). */
function listField(list: string | undefined, side: 'buy' | 'get'): PromotionFieldName {
  const name = list ?? 'productIds';
  return (side === 'get' ? `get${name[0]!.toUpperCase()}${name.slice(1)}` : name) as PromotionFieldName;
}

const BENEFIT_FIELDS: Record<string, PromotionFieldName> = {
  basisPoints: 'percent',
  amount: 'amount',
  maxShipping: 'maxShipping',
  maxApplications: 'maxApplications',
};

/** Where a PromotionInput issue is shown: the form field that holds the value it names. */
function fieldOf(path: readonly PropertyKey[]): PromotionFieldName | 'form' {
  const [top, second, third, fourth] = path.map(String);
  if (top === 'trigger') return 'codes';
  if (top === 'conditions') return (second as PromotionFieldName | undefined) ?? 'form';
  if (top !== 'benefit')
    return FIELD_NAMES.includes(top as PromotionFieldName) ? (top as PromotionFieldName) : 'form';
  if (second === 'targets') return listField(third, 'buy');
  if (second === 'buy') return third === 'quantity' ? 'buyQuantity' : listField(fourth, 'buy');
  if (second === 'get') {
    if (third === 'quantity') return 'getQuantity';
    return third === 'basisPoints' ? 'percent' : listField(fourth, 'get');
  }
  return (second && BENEFIT_FIELDS[second]) || 'benefitKind';
}

/** Reads the posted strings, noting a message for each one that is not what its field takes. */
class FormReader {
  readonly errors: PromotionFieldErrors = {};
  constructor(
    private readonly f: PromotionFormValues,
    private readonly currency: string,
  ) {}

  text(key: PromotionFieldName): string {
    return this.f[key]?.trim() ?? '';
  }

  int(key: PromotionFieldName, empty: number | null): number | null {
    const text = this.text(key);
    if (text === '') return empty;
    if (/^-?\d{1,9}$/.test(text)) return Number(text);
    this.errors[key] = 'Enter a whole number.';
    return Number.NaN;
  }

  /** Money in the shop currency; '' is null, or a message when `required` names what is missing. */
  money(key: PromotionFieldName, required?: string) {
    const text = this.text(key);
    if (text === '') {
      if (required) this.errors[key] = required;
      return required ? { amount: Number.NaN, currency: this.currency } : null;
    }
    const parsed = parseCsvPrice(text, this.currency);
    if (parsed.ok) return { amount: parsed.amount, currency: this.currency };
    this.errors[key] = `The amount ${parsed.message}.`;
    return { amount: Number.NaN, currency: this.currency };
  }

  /** A percentage as basis points; '' is `empty` (NaN: required). */
  basisPoints(empty: number): number {
    const text = this.text('percent');
    const bps = text === '' ? empty : (basisPointsOf(text) ?? Number.NaN);
    if (Number.isNaN(bps)) this.errors.percent = 'Enter a percentage such as 10 or 12.5.';
    return bps;
  }

  time(key: 'startsAt' | 'endsAt'): number | null {
    const ms = utcMillis(this.f[key]);
    if (Number.isNaN(ms)) this.errors[key] = 'Enter a date and time, or leave it empty.';
    return ms;
  }

  list(key: PromotionFieldName, upper = false): string[] {
    const items = splitList(this.f[key]);
    return upper ? items.map((s) => s.toUpperCase()) : items;
  }

  targets(side: 'buy' | 'get'): PromotionTargets {
    return {
      productIds: this.list(listField('productIds', side)),
      categoryIds: this.list(listField('categoryIds', side)),
      collectionIds: this.list(listField('collectionIds', side)),
    };
  }

  benefit(): unknown {
    const kind = this.f.benefitKind;
    switch (kind) {
      case 'order_percentage':
        return { kind, basisPoints: this.basisPoints(Number.NaN) };
      case 'items_percentage':
        return { kind, basisPoints: this.basisPoints(Number.NaN), targets: this.targets('buy') };
      case 'order_fixed':
        return { kind, amount: this.money('amount', 'Enter the amount off.') };
      case 'items_fixed':
        return {
          kind,
          amount: this.money('amount', 'Enter the amount off.'),
          targets: this.targets('buy'),
        };
      case 'buy_x_get_y': {
        const buy = this.targets('buy');
        const get = this.targets('get');
        const sameAsBuy = get.productIds.length + get.categoryIds.length + get.collectionIds.length === 0;
        return {
          kind,
          buy: { quantity: this.int('buyQuantity', Number.NaN), targets: buy },
          // Empty percentage: the items given are free.
          get: {
            quantity: this.int('getQuantity', 1),
            targets: sameAsBuy ? buy : get,
            basisPoints: this.basisPoints(10_000),
          },
          maxApplications: this.int('maxApplications', null),
        };
      }
      case 'free_shipping':
        return { kind, maxShipping: this.money('maxShipping') };
      default:
        this.errors.benefitKind = 'Choose what the promotion gives.';
        return undefined;
    }
  }
}

type Parsed = { ok: true; value: PromotionInput } | { ok: false; fieldErrors: PromotionFieldErrors };

/** The posted form as a PromotionInput in `currency`, or the message of each field that is wrong. */
export function promotionFromForm(f: PromotionFormValues, currency: string): Parsed {
  const r = new FormReader(f, currency);
  const candidate = {
    name: f.name ?? '',
    trigger:
      f.triggerKind === 'automatic' ? { kind: 'automatic' } : { kind: 'code', codes: r.list('codes', true) },
    benefit: r.benefit(),
    conditions: {
      minSubtotal: r.money('minSubtotal'),
      minQuantity: r.int('minQuantity', null),
      signedInOnly: f.signedInOnly === 'on',
      firstOrderOnly: f.firstOrderOnly === 'on',
      customerIds: r.list('customerIds'),
      customerEmails: r.list('customerEmails'),
      shippingCountries: r.list('shippingCountries', true),
    },
    startsAt: r.time('startsAt'),
    endsAt: r.time('endsAt'),
    usageLimit: r.int('usageLimit', null),
    perCustomerLimit: r.int('perCustomerLimit', null),
    stackable: f.stackable === 'on',
    priority: r.int('priority', 0),
    active: f.active === 'on',
  };
  const parsed = PromotionInput.safeParse(candidate);
  if (parsed.success && Object.keys(r.errors).length === 0) return { ok: true, value: parsed.data };
  const fieldErrors: PromotionFieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) fieldErrors[fieldOf(issue.path)] ??= issue.message;
  // A value the form already refused shows the form's own message, not the schema's "received NaN".
  return { ok: false, fieldErrors: { ...fieldErrors, ...r.errors } };
}

/** The API's `{ path: 'trigger.codes', message }` errors (a code another promotion holds) as field errors. */
export function fieldErrorsOf(meta: Record<string, unknown> | undefined): PromotionFieldErrors {
  const list = Array.isArray(meta?.errors) ? (meta.errors as { path?: string; message?: string }[]) : [];
  const out: PromotionFieldErrors = {};
  for (const e of list) if (e.message) out[fieldOf((e.path ?? '').split('.'))] ??= e.message;
  return out;
}
