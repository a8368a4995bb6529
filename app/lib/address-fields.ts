/** The address form's fields in form order, with the labels of those whose name does not vary by country. */

/** A field of the address form (its input is named `address.<field>`). */
export type AddressField =
  | 'country'
  | 'name'
  | 'company'
  | 'line1'
  | 'line2'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'phone';

/** Form order: country first, because it decides what the other fields are called and which are needed. */
export const ADDRESS_FIELDS: readonly AddressField[] = [
  'country',
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'phone',
];

/** Labels before a country says otherwise (city, region and postal code take the country's names). */
export const ADDRESS_LABELS: Record<AddressField, string> = {
  country: 'Country',
  name: 'Full name',
  company: 'Company',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'Region',
  postalCode: 'Postal code',
  phone: 'Phone',
};

/** The labels keyed as the form posts them (`address.postalCode`), in form order, for readForm. */
export const ADDRESS_FORM_LABELS: Record<string, string> = Object.fromEntries(
  ADDRESS_FIELDS.map((f) => [`address.${f}`, ADDRESS_LABELS[f]]),
);
