/** Change email address: the new address gets a confirmation link; the password proves it is the owner asking. */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import type { useChangeEmail } from '~/routes/(shop)/account/(signed-in)/profile/actions';

export const EmailChangeForm = component$<{ action: ReturnType<typeof useChangeEmail>; email: string }>(
  ({ action, email }) => {
    const v = action.value;
    const failure = v?.failed ? v : undefined;
    const errors = failure?.fieldErrors ?? {};
    return (
      <section class="panel" aria-labelledby="email-title">
        <h2 id="email-title">Change email address</h2>
        <p class="muted">
          You log in with <strong>{email}</strong>. We'll send a link to the new address; the change happens
          when you open it.
        </p>
        <FormStatus
          status={v && !v.failed ? v.message : undefined}
          error={failure?.message}
          fieldErrors={errors}
        />
        <Form action={action} class="form-stack" noValidate>
          <FormField
            id="new-email"
            name="newEmail"
            type="email"
            label="New email address"
            autoComplete="email"
            required
            value={v?.failed ? String(action.formData?.get('newEmail') ?? '') : ''}
            error={errors.newEmail}
          />
          <FormField
            id="email-password"
            name="password"
            type="password"
            label="Your password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <div>
            <button type="submit" class="btn btn-primary">
              Send confirmation link
            </button>
          </div>
        </Form>
      </section>
    );
  },
);
