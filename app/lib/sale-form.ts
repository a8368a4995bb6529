/**
 * The sale editor's form: its fields as posted, turned into the domain's SaleInput (a percentage becomes basis points,
 * times are entered in UTC), and each schema issue back to the field that shows it.
 */
import { SaleInput, type SaleInput as SaleInputType } from '@domain/pricing/promotions/sale-price';
import { utcInput, utcMillis } from '~/lib/banner-form';

/** The form's values (every value a string; the categories are the checked boxes' values). */
export interface SaleFormValues {
  name?: string;
  percent?: string;
  productIds?: string;
  categoryIds?: string[];
  startsAt?: string;
  endsAt?: string;
  active?: string;
}

/** Field name on the form for a path of SaleInput. */
const FIELD_OF: Record<string, keyof SaleFormValues> = {
  name: 'name',
  basisPoints: 'percent',
  productIds: 'productIds',
  categoryIds: 'categoryIds',
  startsAt: 'startsAt',
  endsAt: 'endsAt',
  active: 'active',
};

/** The field errors of a failed save (`meta.errors` of a service failure, or schema issues), by form field. */
export function saleFieldErrors(
  errors: readonly { path?: string | (string | number | symbol)[]; message?: string }[],
) {
  const out: Partial<Record<keyof SaleFormValues, string>> = {};
  for (const e of errors) {
    const first = String((Array.isArray(e.path) ? e.path[0] : e.path?.split('.')[0]) ?? 'name');
    const field = FIELD_OF[first] ?? 'name';
    if (e.message) out[field] ??= e.message;
  }
  return out;
}

/** Ids typed one per line or separated by commas or spaces. */
function idList(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,]+/).filter(Boolean))];
}

/** "25" or "12.5" as basis points; anything else NaN (the schema then says it is not a whole number). */
function basisPointsOf(percent: string | undefined): number {
  const t = (percent ?? '').trim().replace(/%$/, '');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : Number.NaN;
}

/** The posted form as a SaleInput, or the message of each field that is wrong. */
export function saleFromForm(
  f: SaleFormValues,
):
  | { ok: true; value: SaleInputType }
  | { ok: false; fieldErrors: Partial<Record<keyof SaleFormValues, string>> } {
  const basisPoints = basisPointsOf(f.percent);
  const startsAt = utcMillis(f.startsAt);
  const endsAt = utcMillis(f.endsAt);
  const early: Partial<Record<keyof SaleFormValues, string>> = {};
  if (Number.isNaN(basisPoints)) early.percent = 'Enter the percentage off as a number, such as 25 or 12.5.';
  if (startsAt === null || Number.isNaN(startsAt)) early.startsAt = 'Choose when the sale starts.';
  if (endsAt === null || Number.isNaN(endsAt)) early.endsAt = 'Choose when the sale ends.';
  const parsed = SaleInput.safeParse({
    name: f.name ?? '',
    basisPoints: Number.isNaN(basisPoints) ? 1 : basisPoints,
    productIds: idList(f.productIds),
    categoryIds: f.categoryIds ?? [],
    startsAt: startsAt ?? 0,
    endsAt: endsAt ?? 1,
    active: f.active === 'on',
  });
  const fieldErrors = { ...(parsed.success ? {} : saleFieldErrors(parsed.error.issues)), ...early };
  if (parsed.success && Object.keys(early).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, fieldErrors };
}

/** A stored sale as the form's initial values. */
export const saleFormValues = (s: Omit<SaleInputType, never>): SaleFormValues => ({
  name: s.name,
  percent: String(s.basisPoints / 100),
  productIds: s.productIds.join('\n'),
  categoryIds: s.categoryIds,
  startsAt: utcInput(s.startsAt),
  endsAt: utcInput(s.endsAt),
  active: s.active ? 'on' : '',
});

/** "25% off", "12.5% off". */
export const describeSaleCut = (basisPoints: number) => `${basisPoints / 100}% off`;

/** How each state is shown in the list. */
export const SALE_STATE_BADGES = {
  live: ['Live', 'adm-badge-ok'],
  scheduled: ['Scheduled', 'adm-badge-muted'],
  ended: ['Ended', 'adm-badge-muted'],
  off: ['Deactivated', 'adm-badge-muted'],
} as const;

/** A new sale's window: from the next full hour for a week. */
export function utcDefaults(now: number): Pick<SaleFormValues, 'startsAt' | 'endsAt'> {
  const hour = 3_600_000;
  const start = Math.ceil(now / hour) * hour;
  return { startsAt: utcInput(start), endsAt: utcInput(start + 7 * 24 * hour) };
}
