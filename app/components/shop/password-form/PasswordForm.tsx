/** Change password: the current one, then the new one (other devices are logged out). */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { FormField } from '~/components/ui/form-field/FormField';
import { FormStatus } from '~/components/ui/form-status/FormStatus';
import type { useChangePassword } from '~/routes/(shop)/account/(signed-in)/profile/actions';

/** Password fields are never filled back in after a post; `spaReset` clears them after a success with JavaScript. */
export const PasswordForm = component$<{ action: ReturnType<typeof useChangePassword> }>(({ action }) => {
  const v = action.value;
  const failure = v?.failed ? v : undefined;
  const errors = failure?.fieldErrors ?? {};
  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <FormStatus
        status={v && !v.failed ? v.message : undefined}
        error={failure?.message}
        fieldErrors={errors}
      />
      <Form action={action} class="form-stack" noValidate spaReset>
        <FormField
          id="current-password"
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <FormField
          id="new-password"
          name="newPassword"
          type="password"
          label="New password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          error={errors.newPassword}
        />
        <div>
          <button type="submit" class="btn btn-primary">
            Change password
          </button>
        </div>
      </Form>
    </section>
  );
});
