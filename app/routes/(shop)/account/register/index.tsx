/** Sign up: name, email, password and country; then "check your inbox", the same whether or not the email has an account. */
import { component$ } from '@builder.io/qwik';
import {
  type DocumentHead,
  Form,
  type RequestHandler,
  routeAction$,
  routeLoader$,
} from '@builder.io/qwik-city';
import { SUPPORTED_COUNTRIES } from '@domain/customers/address';
import { RegisterInputSchema } from '@domain/identity/account-input';
import { register } from '@worker/services/identity/customer-accounts';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import { pageAccountContext } from '~/lib/account-context';
import { readForm, tooManyAttempts } from '~/lib/form-input';
import { pageLimit } from '~/lib/limits';
import { pageCustomer, sendAccountEmailLater } from '~/lib/session';

export const onGet: RequestHandler = async (event) => {
  if (await pageCustomer(event)) throw event.redirect(302, '/account');
};

/** The countries we ship to, for the picker, and the shop's own as the default. */
export const useCountries = routeLoader$(({ platform }) => ({
  countries: SUPPORTED_COUNTRIES.map((c) => ({ code: c.code, name: c.name })),
  preselected: platform.env.SHOP_COUNTRY ?? 'US',
}));

const LABELS = { name: 'Name', email: 'Email address', password: 'Password', country: 'Country' };

/** Whatever happens to the address (new, or already registered), the shopper sees the same next page. */
export const useRegister = routeAction$(async (data, event) => {
  const read = readForm(RegisterInputSchema, data, LABELS);
  if (!read.ok) return event.fail(400, read.failure);
  const wait = await pageLimit(event, 'register-address');
  if (wait !== null) return event.fail(429, tooManyAttempts(wait));
  const email = await register(
    pageAccountContext(event),
    read.value,
    event.platform.env.SHOP_COUNTRY ?? 'US',
  );
  sendAccountEmailLater(event, email);
  throw event.redirect(303, '/account/register/check-inbox');
});

export default component$(() => {
  const action = useRegister();
  const { countries, preselected } = useCountries().value;
  const failure = action.value?.failed ? action.value : undefined;
  const errors = failure?.fieldErrors ?? {};
  const posted = action.formData;
  function text(name: string): string {
    return String(posted?.get(name) ?? '');
  }
  const country = text('country') || preselected;
  return (
    <div class="auth-page">
      <section class="panel auth-panel" aria-labelledby="register-title">
        <h1 id="register-title">Create an account</h1>
        <p class="muted">Track your orders, save addresses and check out faster.</p>
        <FormStatus error={failure?.message} fieldErrors={errors} />
        <Form action={action} class="form-stack" noValidate>
          <p class="form-note">
            Fields marked <span aria-hidden="true">*</span>
            <span class="visually-hidden">as required</span> are required.
          </p>
          <FormField
            id="register-name"
            name="name"
            label="Name"
            autoComplete="name"
            required
            value={text('name')}
            error={errors.name}
          />
          <FormField
            id="register-email"
            name="email"
            type="email"
            label="Email address"
            autoComplete="email"
            required
            value={text('email')}
            error={errors.email}
            hint="We'll send you a link to confirm it."
          />
          <FormField
            id="register-password"
            name="password"
            type="password"
            label="Password"
            autoComplete="new-password"
            required
            error={errors.password}
            hint="At least 8 characters. A few words you'll remember make a strong password."
          />
          <div class={['field', errors.country && 'field-invalid']}>
            <label for="register-country">Country</label>
            <select
              id="register-country"
              name="country"
              class="select"
              aria-invalid={errors.country ? 'true' : undefined}
              aria-describedby={errors.country ? 'register-country-error' : undefined}
            >
              {countries.map((c) => (
                <option key={c.code} value={c.code} selected={c.code === country}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors.country && (
              <p class="field-error" id="register-country-error">
                {errors.country}
              </p>
            )}
          </div>
          <button type="submit" class="btn btn-primary btn-block">
            {action.isRunning ? 'Creating your account…' : 'Create account'}
          </button>
        </Form>
      </section>
      <p class="auth-switch">
        Already have an account? <a href="/account/login">Log in</a>
      </p>
    </div>
  );
});

export const head: DocumentHead = {
  title: 'Create an account',
  meta: [{ name: 'robots', content: 'noindex' }],
};
