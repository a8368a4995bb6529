/** Profile: name and country, password, email address, and logging out every device. */
import { component$ } from '@builder.io/qwik';
import type { DocumentHead } from '@builder.io/qwik-city';
import { EmailChangeForm } from '~/components/shop/email-change-form/EmailChangeForm';
import { LogoutForm } from '~/components/shop/logout-form/LogoutForm';
import { PasswordForm } from '~/components/shop/password-form/PasswordForm';
import { ProfileDetailsForm } from '~/components/shop/profile-details-form/ProfileDetailsForm';
import { useAccount, useCountryOptions } from '~/routes/(shop)/account/(signed-in)/layout';
import { useChangeEmail, useChangePassword, useSaveDetails } from './actions';

export { useChangeEmail, useChangePassword, useSaveDetails } from './actions';

export default component$(() => {
  const me = useAccount().value;
  const countries = useCountryOptions().value;
  const saveDetails = useSaveDetails();
  const changePassword = useChangePassword();
  const changeEmail = useChangeEmail();
  return (
    <>
      <div class="account-head">
        <h1>Profile and password</h1>
      </div>
      <div class="account-stack">
        <ProfileDetailsForm action={saveDetails} name={me.name} country={me.country} countries={countries} />
        <PasswordForm action={changePassword} />
        <EmailChangeForm action={changeEmail} email={me.email} />
        <section class="panel" aria-labelledby="sessions-title">
          <h2 id="sessions-title">Devices</h2>
          <p class="muted">
            Left yourself logged in on a shared computer or a lost phone? This logs out every device, this one
            too.
          </p>
          <LogoutForm everywhere />
        </section>
      </div>
    </>
  );
});

export const head: DocumentHead = {
  title: 'Profile and password',
  meta: [{ name: 'robots', content: 'noindex' }],
};
