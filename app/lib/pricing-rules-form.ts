/**
 * The tax and shipping pages' text fields → the domain's inputs: money typed as decimals ("19.95"), rates as
 * percentages ("6.625"), weight tables one band per line ("1000: 19.95"), countries as codes ("US, CA").
 */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { formatCsvPrice, parseCsvPrice } from '@domain/catalog/csv-price';
import type { WeightBand } from '@domain/pricing/shipping';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import type { PricingRulesContext } from '@worker/services/pricing/context';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

export function pricingRulesContext(event: Event, actor: StaffPrincipal): PricingRulesContext {
  return {
    db: createDb(event.platform.env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "19.95" → 1995 in `currency`; '' → `empty`. */
export function parseAmount(
  text: string,
  currency: string,
  label: string,
  empty: number | null = null,
): Parsed<number | null> {
  if (text.trim() === '') return { ok: true, value: empty };
  const parsed = parseCsvPrice(text, currency);
  return parsed.ok
    ? { ok: true, value: parsed.amount }
    : { ok: false, message: `${label} ${parsed.message}.` };
}

/** "1000: 19.95" per line (grams: price) → bands, ascending as typed. */
export function parseWeightBands(text: string, currency: string): Parsed<WeightBand[]> {
  const bands: WeightBand[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(\d{1,7})\s*(?:g)?\s*[:=]\s*(\S+)$/.exec(line);
    if (!m)
      return {
        ok: false,
        message: `Weight table line ${i + 1}: write grams, a colon and a price, e.g. 1000: 19.95.`,
      };
    const price = parseCsvPrice(m[2]!, currency);
    if (!price.ok) return { ok: false, message: `Weight table line ${i + 1}: the price ${price.message}.` };
    bands.push({ upToGrams: Number(m[1]), amount: price.amount });
  }
  return { ok: true, value: bands };
}

/** Bands back to the text the form shows. */
export function formatWeightBands(bands: readonly WeightBand[], currency: string): string {
  return bands.map((b) => `${b.upToGrams}: ${formatCsvPrice(b.amount, currency)}`).join('\n');
}

/** "us, CA  de" → ['US', 'CA', 'DE'] (checked by the domain schema). */
export function splitCountryCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}
