/** What an administrator may send to change the tax and shipping tables, checked before anything is written. */
import { z } from 'zod';
import { checkWeightBands, SHIPPING_RATE_KINDS, ShippingMethodCodeSchema } from './shipping';
import { PPM, TaxCategorySchema } from './tax';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes Intl names that are not countries a parcel or a tax rate can go to.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);

/** An ISO 3166-1 alpha-2 code the platform knows ("de" → "DE"). */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (c) => /^[A-Z]{2}$/.test(c) && !NOT_COUNTRIES.has(c) && regionNames.of(c) !== undefined,
    'Use a two-letter country code.',
  );

/** Largest price or threshold an administrator may type, in minor units (100 million: no parcel costs more). */
const MAX_AMOUNT = 100_000_000;
const Amount = z.number().int().min(0).max(MAX_AMOUNT);

export const TaxSettingsInput = z
  .object({ pricesIncludeTax: z.boolean(), shippingTaxable: z.boolean() })
  .strict();
export type TaxSettingsInput = z.infer<typeof TaxSettingsInput>;

/** A rate for a zone × category. `region` is the subdivision code without the country ("CA"), or '' for all of it. */
export const TaxRateInput = z
  .object({
    country: CountryCodeSchema,
    region: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{0,3}$/, 'Use the region code (up to 3 letters or digits), or leave it empty.')
      .default(''),
    category: TaxCategorySchema,
    ratePpm: z.number().int().min(0).max(PPM),
    name: z.string().trim().min(1, 'Name the tax (VAT, Sales tax).').max(40),
  })
  .strict();
export type TaxRateInput = z.infer<typeof TaxRateInput>;

export const ShippingZoneInput = z
  .object({
    name: z.string().trim().min(1, 'Name the zone.').max(80),
    countries: z
      .array(CountryCodeSchema)
      .max(250)
      .transform((codes) => [...new Set(codes)].sort()),
    restOfWorld: z.boolean().default(false),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((z) => z.restOfWorld || z.countries.length > 0, {
    message: 'List at least one country, or make this the rest-of-the-world zone.',
    path: ['countries'],
  });
export type ShippingZoneInput = z.infer<typeof ShippingZoneInput>;

export const ShippingMethodInput = z
  .object({
    code: ShippingMethodCodeSchema,
    name: z.string().trim().min(1, 'Name the method as shoppers will see it.').max(80),
    kind: z.enum(SHIPPING_RATE_KINDS),
    amount: Amount.default(0),
    weightBands: z
      .array(z.object({ upToGrams: z.number().int().min(1).max(1_000_000), amount: Amount }).strict())
      .max(20)
      .default([]),
    freeFrom: Amount.nullable().default(null),
    minDays: z.number().int().min(0).max(365),
    maxDays: z.number().int().min(0).max(365),
    active: z.boolean().default(true),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.maxDays < m.minDays)
      ctx.addIssue({
        code: 'custom',
        path: ['maxDays'],
        message: 'The longest transit cannot be shorter than the shortest.',
      });
    const bands = m.kind === 'weight' ? checkWeightBands(m.weightBands) : null;
    if (bands) ctx.addIssue({ code: 'custom', path: ['weightBands'], message: bands });
  });
export type ShippingMethodInput = z.infer<typeof ShippingMethodInput>;
