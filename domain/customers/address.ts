/**
 * Postal addresses for the address book and checkout: one schema whose per-country rules (required fields, postal-code
 * format, field names) come from Google's address data (./address-data.ts), never from patterns written here.
 */
import { z } from 'zod';
import {
  type CountryAddressData,
  DATA_COUNTRY_CODES,
  type DataCountryCode,
  readCountry,
} from './address-data';

/** An ISO 3166-1 alpha-2 code of a country the shop ships to. */
export type CountryCode = DataCountryCode;

/** The countries the shop ships to: every country whose address data is loaded. */
export const SUPPORTED_COUNTRY_CODES: readonly CountryCode[] = DATA_COUNTRY_CODES;

const RULES = new Map<CountryCode, CountryAddressData>(
  SUPPORTED_COUNTRY_CODES.map((c) => [c, readCountry(c)]),
);
const rulesOf = (country: CountryCode): CountryAddressData => RULES.get(country)!;

const englishNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** The countries the shop ships to with their English names ("United States"), sorted by name for a country picker. */
export const SUPPORTED_COUNTRIES: readonly { code: CountryCode; name: string }[] =
  SUPPORTED_COUNTRY_CODES.map((code) => ({ code, name: englishNames.of(code) ?? rulesOf(code).name })).sort(
    (a, b) => a.name.localeCompare(b.name, 'en'),
  );

// English names for the words Google's data uses (zip_name_type, state_name_type, locality_name_type), as Chromium's
// address forms show them.
const POSTAL_CODE_LABELS: Record<string, string> = {
  eircode: 'Eircode',
  pin: 'PIN code',
  postal: 'Postal code',
  zip: 'ZIP code',
};
const REGION_LABELS: Record<string, string> = {
  area: 'Area',
  county: 'County',
  department: 'Department',
  district: 'District',
  do_si: 'Do/Si',
  emirate: 'Emirate',
  island: 'Island',
  oblast: 'Oblast',
  parish: 'Parish',
  prefecture: 'Prefecture',
  province: 'Province',
  region: 'Region',
  state: 'State',
};
const CITY_LABELS: Record<string, string> = {
  city: 'City',
  district: 'District',
  post_town: 'Post town',
  suburb: 'Suburb',
};

/** How a form shows one field for a country. */
export interface AddressFieldLabel {
  label: string;
  required: boolean;
  /** False where the country's addresses have no such line (e.g. no region in GB): a form may hide the field. */
  used: boolean;
}

/** Labels and required flags of the fields whose rules vary by country. */
export interface AddressFieldLabels {
  city: AddressFieldLabel;
  region: AddressFieldLabel;
  postalCode: AddressFieldLabel & { example: string | undefined };
}

/** Labels, required flags and a postal-code example for `country`'s address form ("ZIP code", required, "95014"). */
export function addressFieldLabels(country: CountryCode): AddressFieldLabels {
  const rules = rulesOf(country);
  const { kinds, required, used } = rules;
  // The data calls the UK's code plainly "postal"; British English (Chromium's en-GB strings too) says "Postcode".
  const postal =
    country === 'GB' && kinds.postalCode === 'postal' ? 'Postcode' : POSTAL_CODE_LABELS[kinds.postalCode];
  return {
    city: { label: CITY_LABELS[kinds.city] ?? 'City', required: required.city, used: used.city },
    region: { label: REGION_LABELS[kinds.region] ?? 'Region', required: required.region, used: used.region },
    postalCode: {
      label: postal ?? 'Postal code',
      required: required.postalCode,
      used: used.postalCode,
      example: rules.postalCodeExample,
    },
  };
}

/** The code without a prefix the data says people add (`CH-8001` is `8001`). */
function withoutPrefix(country: CountryCode, code: string | undefined): string | undefined {
  const prefix = rulesOf(country).postalCodePrefix?.toUpperCase();
  return prefix && code?.startsWith(prefix) ? code.slice(prefix.length).trim() || undefined : code;
}

const PHONE_PATTERN = /^[\d\s()+-]*\d[\d\s()+-]*$/;

const blankToUndefined = (s: string): string | undefined => (s === '' ? undefined : s);
const tooLong = (label: string, max: number) => `${label} may be at most ${max} characters.`;
const requiredText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, tooLong(label, max));
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, tooLong(label, max)).transform(blankToUndefined).optional();

/**
 * A postal address as a shopper enters it. Strings are trimmed and blank optional ones dropped; the postal code is
 * upper-cased with its spaces collapsed. The country's rules run even when other fields fail, so a form gets every
 * error in one go; each issue has the field's `path` and a message using the country's label ("ZIP code is required.").
 */
export const AddressInputSchema = z
  .object({
    name: requiredText('Name', 100),
    company: optionalText('Company', 100),
    line1: requiredText('Address line 1', 200),
    line2: optionalText('Address line 2', 200),
    city: optionalText('City', 100),
    region: optionalText('Region', 100),
    postalCode: z
      .string()
      .trim()
      .max(20, tooLong('Postal code', 20))
      .overwrite((s) => s.replace(/\s+/g, ' ').toUpperCase())
      .transform(blankToUndefined)
      .optional(),
    country: z.enum(SUPPORTED_COUNTRY_CODES, { error: 'Choose a country we ship to.' }),
    phone: z
      .string()
      .trim()
      .max(30, tooLong('Phone', 30))
      .refine((s) => s === '' || PHONE_PATTERN.test(s), 'Phone may hold only digits, spaces and + - ( ).')
      .transform(blankToUndefined)
      .optional(),
  })
  .strict()
  .superRefine(
    (address, ctx) => {
      const labels = addressFieldLabels(address.country);
      const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
      for (const field of ['city', 'region', 'postalCode'] as const) {
        if (labels[field].required && address[field] === undefined && !failed.has(field)) {
          ctx.addIssue({ code: 'custom', path: [field], message: `${labels[field].label} is required.` });
        }
      }
      const code = withoutPrefix(address.country, address.postalCode);
      const pattern = rulesOf(address.country).postalCodePattern;
      if (code !== undefined && pattern && !pattern.test(code) && !failed.has('postalCode')) {
        const { label, example } = labels.postalCode;
        ctx.addIssue({
          code: 'custom',
          path: ['postalCode'],
          message: example ? `${label} must look like ${example}.` : `${label} is not valid.`,
        });
      }
    },
    // Fields that failed keep their raw input, so each is skipped above; without a valid country there are no rules.
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !payload.issues.some((issue) => issue.path?.[0] === 'country'),
    },
  )
  .overwrite((address) => ({ ...address, postalCode: withoutPrefix(address.country, address.postalCode) }));

/** A valid address, normalised as described on AddressInputSchema. */
export type AddressInput = z.infer<typeof AddressInputSchema>;
