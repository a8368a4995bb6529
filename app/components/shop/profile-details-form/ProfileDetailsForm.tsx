/** The profile's name and country form. */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import type { useSaveDetails } from '~/routes/(shop)/account/(signed-in)/profile/actions';

interface Props {
  action: ReturnType<typeof useSaveDetails>;
  name: string;
  country: string;
  countries: { code: string; name: string }[];
}

export const ProfileDetailsForm = component$<Props>(({ action, name, country, countries }) => {
  const v = action.value;
  const failure = v?.failed ? v : undefined;
  const errors = failure?.fieldErrors ?? {};
  const chosen = String(action.formData?.get('country') ?? country);
  return (
    <section class="panel" aria-labelledby="details-title">
      <h2 id="details-title">Your details</h2>
      <FormStatus
        status={v && !v.failed ? v.message : undefined}
        error={failure?.message}
        fieldErrors={errors}
      />
      <Form action={action} class="form-stack" noValidate>
        <FormField
          id="profile-name"
          name="name"
          label="Name"
          autoComplete="name"
          required
          value={String(action.formData?.get('name') ?? name)}
          error={errors.name}
        />
        <div class={['field', errors.country && 'field-invalid']}>
          <label for="profile-country">Country</label>
          <select
            id="profile-country"
            name="country"
            class="select"
            aria-invalid={errors.country ? 'true' : undefined}
            aria-describedby={errors.country ? 'profile-country-error' : undefined}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code} selected={c.code === chosen}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.country && (
            <p class="field-error" id="profile-country-error">
              {errors.country}
            </p>
          )}
        </div>
        <div>
          <button type="submit" class="btn btn-primary">
            Save details
          </button>
        </div>
      </Form>
    </section>
  );
});
