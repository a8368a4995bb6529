/** The invite form: name, email and roles; the invitee gets an emailed link to choose a password. */
import { component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { STAFF_ROLES } from '@domain/identity/roles';
import { FormStatus, type Outcome } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import { ROLE_LABELS } from '~/lib/admin-pages';
import type { InviteStore } from '~/routes/admin/(console)/staff/index';

const ROLE_HINTS = {
  admin: 'Everything, including staff and settings',
  content: 'Pages, posts and banners; reads the catalogue',
  warehouse: 'Orders, picking, packing, returns and stock',
} as const;

interface Props {
  action: InviteStore;
  /**
   * The action's outcome, computed by the page that owns the action: Qwik re-renders that page when the action
   * answers, while a child deriving values from the action store is not re-rendered.
   */
  outcome: Outcome;
  running: boolean;
}

export const InviteForm = component$<Props>(({ action, outcome, running }) => {
  const errors = outcome.fieldErrors;
  // After a failed post without JavaScript, keep what was typed.
  const posted = outcome.error ? action.formData : undefined;
  const postedRoles = posted?.getAll('roles[]') ?? [];
  const rolesError = errors?.roles ?? errors?.['roles[]'];
  return (
    <section class="adm-card" id="invite" aria-labelledby="invite-title">
      <div class="adm-card-head">
        <h2 id="invite-title">Invite a staff member</h2>
      </div>
      <Form action={action} spaReset class="adm-form" aria-describedby="invite-status">
        <TextField
          id="invite-name"
          name="name"
          label="Name"
          autoComplete="off"
          maxLength={100}
          required
          value={String(posted?.get('name') ?? '')}
          error={errors?.name}
        />
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="off"
          maxLength={254}
          required
          value={String(posted?.get('email') ?? '')}
          error={errors?.email}
        />
        <fieldset class="adm-checks" aria-describedby={rolesError ? 'invite-roles-error' : undefined}>
          <legend>Roles</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} class="adm-check">
              <input type="checkbox" name="roles[]" value={role} checked={postedRoles.includes(role)} />
              <span>
                {ROLE_LABELS[role]}
                <span class="adm-hint adm-block">{ROLE_HINTS[role]}</span>
              </span>
            </label>
          ))}
          {rolesError && (
            <p id="invite-roles-error" class="adm-field-error">
              {rolesError}
            </p>
          )}
        </fieldset>
        <FormStatus id="invite-status" ok={outcome.ok} error={outcome.error} />
        <div>
          <button type="submit" class="adm-btn adm-btn-primary" disabled={running}>
            {running ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </Form>
    </section>
  );
});
