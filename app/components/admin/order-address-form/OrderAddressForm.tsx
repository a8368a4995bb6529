/**
 * Staff edit an order's shipping address (before it ships). The server checks it with the country's rules
 * (domain/customers/address.ts) and shows each field's error beside it. Labels follow the address's current country;
 * choosing another one is checked against that country's rules on save.
 */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { ADDRESS_LABELS, type AddressField } from '~/lib/address-fields';
import type { useEditAddress } from '~/routes/admin/(console)/orders/[id]/index';

interface Props {
  action: ReturnType<typeof useEditAddress>;
  address: Record<string, string | undefined>;
  countries: { code: string; name: string }[];
  /** The address's country's names for city, region and postal code. */
  labels: Record<string, string>;
}

const TEXT_FIELDS: AddressField[] = [
  'name',
  'company',
  'line1',
  'line2',
  'city',
  'region',
  'postalCode',
  'phone',
];
const REQUIRED = new Set<AddressField>(['name', 'line1']);

export const OrderAddressForm = component$<Props>(({ action, address, countries, labels }) => {
  const posted = action.formData;
  function shown(f: AddressField): string {
    return posted ? String(posted.get(`address.${f}`) ?? '') : (address[f] ?? '');
  }
  const outcome = outcomeOf(action.value);
  const errors = outcome.fieldErrors ?? {};
  return (
    <Form action={action} class="adm-card adm-form" id="address-form" noValidate>
      <h2>Change the shipping address</h2>
      <div class="adm-field">
        <label for="ship-country">Country</label>
        <select id="ship-country" class="adm-input" name="address.country">
          {countries.map((c) => (
            <option key={c.code} value={c.code} selected={shown('country') === c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.country && <p class="adm-field-error">{errors.country}</p>}
      </div>
      {TEXT_FIELDS.map((f) => (
        <div class="adm-field" key={f}>
          <label for={`ship-${f}`}>{labels[f] ?? ADDRESS_LABELS[f]}</label>
          <input
            id={`ship-${f}`}
            class="adm-input"
            name={`address.${f}`}
            value={shown(f)}
            maxLength={200}
            required={REQUIRED.has(f)}
            aria-invalid={errors[f] ? 'true' : undefined}
            aria-describedby={errors[f] ? `ship-${f}-error` : undefined}
          />
          {errors[f] && (
            <p class="adm-field-error" id={`ship-${f}-error`}>
              {errors[f]}
            </p>
          )}
        </div>
      ))}
      <FormStatus outcome={outcome} />
      <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
        Save shipping address
      </button>
    </Form>
  );
});
