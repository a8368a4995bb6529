/** schema.org Product JSON-LD for the product page (offers per variant, rating), serialised safely into HTML. */
import type { ProductDetail } from '@db/repositories/catalog';
import { minorUnitsOf } from '@domain/pricing/money';

/** A price in minor units as schema.org wants it: a decimal string ("19.99"), computed without floats. */
export function decimalPrice(amount: number, currency: string): string {
  const digits = minorUnitsOf(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A GTIN-8/12/13/14 with a correct check digit, or null (anything else is not a GTIN and must not be claimed). */
export function validGtin(barcode: string | null): string | null {
  const code = barcode?.trim() ?? '';
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return null;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check ? code : null;
}

const IN_STOCK = 'https://schema.org/InStock';
const LIMITED = 'https://schema.org/LimitedAvailability';
const OUT_OF_STOCK = 'https://schema.org/OutOfStock';

/** What the JSON-LD needs beyond the product: units per SKU (null unknown) and the shop's public origin and name. */
export interface StructuredDataContext {
  origin: string;
  shopName: string;
  available: Record<string, number | null>;
  /** At or below this, availability is LimitedAvailability. */
  fewLeft: number;
}

/** The Product object: one Offer per variant, aggregateRating only when there are published reviews. */
export function productJsonLd(p: ProductDetail, ctx: StructuredDataContext): Record<string, unknown> {
  const url = `${ctx.origin}/p/${p.slug}`;
  const absolute = (u: string) => new URL(u, ctx.origin).href;
  const availability = (sku: string) => {
    const n = ctx.available[sku];
    if (n === null || n === undefined) return undefined;
    return n <= 0 ? OUT_OF_STOCK : n <= ctx.fewLeft ? LIMITED : IN_STOCK;
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': `${url}#product`,
    name: p.name,
    description: p.seoDescription || p.description.slice(0, 5000),
    url,
    image: p.images.map((i) => absolute(i.url)),
    ...(p.brand ? { brand: { '@type': 'Brand', name: p.brand } } : {}),
    category: p.categoryPath.map((c) => c.name).join(' > '),
    ...(p.variants[0] ? { sku: p.variants[0].sku } : {}),
    offers: p.variants.map((v) => {
      const gtin = validGtin(v.barcode);
      const label = Object.values(v.options).join(' / ');
      return {
        '@type': 'Offer',
        sku: v.sku,
        ...(gtin ? { gtin } : {}),
        ...(label ? { name: `${p.name} – ${label}` } : {}),
        url: `${url}?sku=${encodeURIComponent(v.sku)}`,
        price: decimalPrice(v.price.amount, v.price.currency),
        priceCurrency: v.price.currency,
        ...(availability(v.sku) ? { availability: availability(v.sku) } : {}),
        itemCondition: 'https://schema.org/NewCondition',
        seller: { '@type': 'Organization', name: ctx.shopName },
      };
    }),
    ...(p.reviewCount > 0 && p.rating !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: p.rating,
            reviewCount: p.reviewCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` body: `<`, `>` and `&` are escaped as JSON unicode escapes, so a
 * product name holding `</script>` or `<!--` cannot end the script element; U+2028/2029 too, for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
