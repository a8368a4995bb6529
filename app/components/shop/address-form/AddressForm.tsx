/** Add or edit an address; its labels and required marks follow the chosen country (live with JavaScript). */
import { $, component$, useSignal } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import type { AddressFieldLabels } from '@domain/customers/address';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { ADDRESS_LABELS, type AddressField } from '~/lib/address-fields';
import type { useSaveAddress } from '~/routes/(shop)/account/(signed-in)/addresses/actions';
import type { useCheckoutAddress } from '~/routes/(shop)/checkout/actions';

/** What the form starts from: a saved address being edited, or a new one. */
export interface AddressFormStart {
  id?: string;
  values: Partial<Record<AddressField, string>>;
  defaultShipping: boolean;
  defaultBilling: boolean;
}

interface Props {
  /** The address book's save, or checkout's shipping address step (no defaults there). */
  action: ReturnType<typeof useSaveAddress> | ReturnType<typeof useCheckoutAddress>;
  /** Each supported country's field names and rules, computed on the server (no address data in the browser). */
  labels: Record<string, AddressFieldLabels>;
  countries: { code: string; name: string }[];
  start: AddressFormStart;
  /** Hidden fields the action needs besides the address (the checkout's id). */
  hidden?: Record<string, string>;
  submitLabel?: string;
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  country: 'country',
  name: 'name',
  company: 'organization',
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
  phone: 'tel',
};
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
const ALWAYS_REQUIRED = new Set<AddressField>(['name', 'line1']);

/**
 * Without JavaScript a country change needs a round trip: the "Update fields" button (inside <noscript>) posts the
 * form with `intent=refresh`, and the page comes back with the new country's fields and everything typed kept.
 */
export const AddressForm = component$<Props>(({ action, labels, countries, start, hidden, submitLabel }) => {
  const inAddressBook = hidden === undefined;
  const posted = action.formData;
  // Values come back from a failed or refreshed post; after a save the page has moved on (redirect).
  function shown(f: AddressField): string {
    return posted ? String(posted.get(`address.${f}`) ?? '') : (start.values[f] ?? '');
  }
  const country = useSignal(shown('country') || countries[0]?.code || 'US');
  const announced = useSignal('');
  const failure = action.value?.failed ? action.value : undefined;
  const errors = failure?.fieldErrors ?? {};
  const rules = labels[country.value];
  function fieldRule(f: AddressField) {
    return f === 'city' || f === 'region' || f === 'postalCode'
      ? rules?.[f]
      : { label: ADDRESS_LABELS[f], required: ALWAYS_REQUIRED.has(f), used: true };
  }
  function labelOf(f: AddressField): string {
    return fieldRule(f)?.label ?? ADDRESS_LABELS[f];
  }
  function isRequired(f: AddressField): boolean {
    return fieldRule(f)?.required === true;
  }
  /** A country-specific error is stale once another country is chosen (its rules and field names differ). */
  function errorOf(f: AddressField): string | undefined {
    const varies = f === 'city' || f === 'region' || f === 'postalCode';
    if (varies && posted && posted.get('address.country') !== country.value) return undefined;
    return errors[`address.${f}`];
  }
  function checked(name: 'defaultShipping' | 'defaultBilling'): boolean {
    return posted ? posted.get(name) === 'on' : start[name];
  }
  const onCountry$ = $((_: Event, el: HTMLSelectElement) => {
    country.value = el.value;
    announced.value = `Address fields updated for ${el.selectedOptions[0]?.text ?? el.value}.`;
  });
  return (
    <Form action={action} class="form-stack address-form" noValidate>
      <FormStatus
        status={
          action.value && 'refreshed' in action.value
            ? 'Address fields updated for the chosen country.'
            : undefined
        }
        error={failure?.message}
        fieldErrors={errors}
      />
      {start.id && <input type="hidden" name="id" value={start.id} />}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p class="form-note">
        Fields marked <span aria-hidden="true">*</span>
        <span class="visually-hidden">as required</span> are required.
      </p>
      <div class="field">
        <label for="address-country">
          Country
          <span class="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <select
          id="address-country"
          name="address.country"
          // Rendered in the browser (a step opened after a form post), `selected` on an option alone is not enough.
          value={country.value}
          class="select"
          autocomplete="country"
          required
          aria-invalid={errors['address.country'] ? 'true' : undefined}
          aria-describedby={errors['address.country'] ? 'address-country-error' : undefined}
          onChange$={onCountry$}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code} selected={c.code === country.value}>
              {c.name}
            </option>
          ))}
        </select>
        {errors['address.country'] && (
          <p class="field-error" id="address-country-error">
            {errors['address.country']}
          </p>
        )}
        <noscript>
          <p class="field-hint">
            Changed the country? Choose “Update fields” below to see its address fields.
          </p>
        </noscript>
        <p class="visually-hidden" aria-live="polite">
          {announced.value}
        </p>
      </div>
      <div class="address-fields">
        {TEXT_FIELDS.map((f) => {
          // Props read through calls: Qwik's optimizer would freeze a plain `rule.label` at its first value, and
          // these change with the country.
          if (!fieldRule(f)?.used) return null;
          const example = f === 'postalCode' ? rules?.postalCode.example : undefined;
          return (
            <div key={f} class={`address-field-${f}`}>
              <FormField
                id={`address-${f}`}
                name={`address.${f}`}
                type={f === 'phone' ? 'tel' : 'text'}
                label={labelOf(f)}
                required={isRequired(f)}
                autoComplete={AUTOCOMPLETE[f]}
                value={shown(f)}
                hint={example ? `For example ${example}` : undefined}
                error={errorOf(f)}
              />
            </div>
          );
        })}
      </div>
      {inAddressBook && (
        <fieldset class="check-group">
          <legend>Defaults</legend>
          {(['defaultShipping', 'defaultBilling'] as const).map((name) => (
            <div key={name} class="check-field">
              <input id={`address-${name}`} type="checkbox" name={name} checked={checked(name)} />
              <label for={`address-${name}`}>
                Use as my default {name === 'defaultShipping' ? 'shipping' : 'billing'} address
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div class="button-row">
        <button type="submit" name="intent" value="save" class="btn btn-primary">
          {submitLabel ?? 'Save address'}
        </button>
        <noscript>
          <button type="submit" name="intent" value="refresh" class="btn btn-secondary">
            Update fields
          </button>
        </noscript>
        {start.id && (
          <a class="btn btn-secondary" href="/account/addresses">
            Cancel
          </a>
        )}
      </div>
    </Form>
  );
});
