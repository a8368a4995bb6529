/**
 * The team as a table, with each member's changes behind popovers (HTML's `popover`, so they open and close without
 * JavaScript and from the keyboard): edit roles, and disable/enable after a confirmation. Every form posts the one
 * member-change action; its latest outcome is announced above the table.
 */
import { $, component$ } from '@builder.io/qwik';
import { Form } from '@builder.io/qwik-city';
import { STAFF_ROLES } from '@domain/identity/roles';
import { FormStatus, type Outcome } from '~/components/admin/form-status/FormStatus';
import { RoleBadges } from '~/components/admin/role-badges/RoleBadges';
import { isoOf } from '~/lib/admin-format';
import { ROLE_LABELS } from '~/lib/admin-pages';
import { formatDate } from '~/lib/format';
import type { ChangeMemberStore } from '~/routes/admin/(console)/staff/index';

interface Member {
  id: string;
  email: string;
  name: string;
  roles: string[];
  disabled: boolean;
  createdAt: number;
}

interface Props {
  staff: Member[];
  meId: string;
  canWrite: boolean;
  canAudit: boolean;
  action: ChangeMemberStore;
  /** The action's latest outcome (outcomeOf), computed by the page that owns the action. */
  outcome: Outcome;
}

/** With JavaScript the page stays: close the popover the form sits in once the action has answered. */
const closePopover = $((_: unknown, form: HTMLFormElement) => {
  form.closest<HTMLElement>('[popover]')?.hidePopover();
});

export const StaffTable = component$<Props>(({ staff, meId, canWrite, canAudit, action, outcome }) => {
  return (
    <section class="adm-card adm-card-flush" aria-labelledby="team-title">
      <div class="adm-card-head adm-card-head-pad">
        <h2 id="team-title">Team</h2>
        <span class="adm-muted">{staff.length} people</span>
      </div>
      <div class="adm-card-pad-x">
        <FormStatus id="member-status" ok={outcome.ok} error={outcome.error} />
      </div>
      <div class="adm-table-wrap">
        <table class="adm-table">
          <caption class="visually-hidden">Staff members, their roles and status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col" class="adm-wide-only">
                Joined
              </th>
              {(canWrite || canAudit) && (
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {staff.map((m) => {
              const me = m.id === meId;
              const toggle = m.disabled ? 'enable' : 'disable';
              const toggleText = m.disabled ? 'Enable' : 'Disable';
              return (
                <tr key={m.id} class={m.disabled ? 'adm-row-muted' : undefined}>
                  <th scope="row" class="adm-cell-main">
                    <span class="adm-person">
                      <span class="adm-avatar" aria-hidden="true">
                        {m.name.slice(0, 1)}
                      </span>
                      <span>
                        {m.name}
                        {me && <span class="adm-you"> (you)</span>}
                        <span class="adm-muted adm-block">{m.email}</span>
                      </span>
                    </span>
                  </th>
                  <td>
                    <RoleBadges roles={m.roles} />
                  </td>
                  <td>
                    {m.disabled ? (
                      <span class="adm-badge adm-badge-muted">Disabled</span>
                    ) : (
                      <span class="adm-badge adm-badge-ok">Active</span>
                    )}
                  </td>
                  <td class="adm-nowrap adm-wide-only">
                    <time dateTime={isoOf(m.createdAt)}>{formatDate(m.createdAt)}</time>
                  </td>
                  {(canWrite || canAudit) && (
                    <td>
                      <div class="adm-row-actions">
                        {canWrite && (
                          <>
                            <button
                              type="button"
                              class="adm-btn adm-btn-secondary adm-btn-sm"
                              popovertarget={`roles-${m.id}`}
                            >
                              Edit roles<span class="visually-hidden"> of {m.name}</span>
                            </button>
                            <div
                              id={`roles-${m.id}`}
                              popover="auto"
                              class="adm-pop"
                              role="dialog"
                              aria-labelledby={`roles-${m.id}-title`}
                            >
                              <Form action={action} onSubmitCompleted$={closePopover}>
                                <h2 id={`roles-${m.id}-title`}>Roles of {m.name}</h2>
                                <input type="hidden" name="staffId" value={m.id} />
                                <input type="hidden" name="op" value="roles" />
                                <fieldset class="adm-checks">
                                  <legend>Roles</legend>
                                  {STAFF_ROLES.map((role) => (
                                    <label key={role} class="adm-check">
                                      <input
                                        type="checkbox"
                                        name="roles[]"
                                        value={role}
                                        checked={m.roles.includes(role)}
                                      />
                                      {ROLE_LABELS[role]}
                                    </label>
                                  ))}
                                </fieldset>
                                <p class="adm-hint">
                                  {me
                                    ? 'You will be signed out and log in again with the new roles.'
                                    : `${m.name} is signed out everywhere and logs in again with the new roles.`}
                                </p>
                                <div class="adm-pop-actions">
                                  <button
                                    type="button"
                                    class="adm-btn adm-btn-secondary"
                                    popovertarget={`roles-${m.id}`}
                                    popovertargetaction="hide"
                                  >
                                    Cancel
                                  </button>
                                  <button type="submit" class="adm-btn adm-btn-primary">
                                    Save roles for {m.name}
                                  </button>
                                </div>
                              </Form>
                            </div>
                            {!me && (
                              <>
                                <button
                                  type="button"
                                  class={[
                                    'adm-btn',
                                    'adm-btn-sm',
                                    m.disabled ? 'adm-btn-secondary' : 'adm-btn-danger-ghost',
                                  ]}
                                  popovertarget={`${toggle}-${m.id}`}
                                >
                                  {toggleText}
                                  <span class="visually-hidden"> {m.name}</span>
                                </button>
                                <div
                                  id={`${toggle}-${m.id}`}
                                  popover="auto"
                                  class="adm-pop"
                                  role="dialog"
                                  aria-labelledby={`${toggle}-${m.id}-title`}
                                >
                                  <Form action={action} onSubmitCompleted$={closePopover}>
                                    <h2 id={`${toggle}-${m.id}-title`}>
                                      {toggleText} {m.name}?
                                    </h2>
                                    <p>
                                      {m.disabled
                                        ? `${m.name} can log in again with their password and roles.`
                                        : `${m.name} is signed out on every device at once and cannot log in until enabled again.`}
                                    </p>
                                    <input type="hidden" name="staffId" value={m.id} />
                                    <input type="hidden" name="op" value={toggle} />
                                    <div class="adm-pop-actions">
                                      <button
                                        type="button"
                                        class="adm-btn adm-btn-secondary"
                                        popovertarget={`${toggle}-${m.id}`}
                                        popovertargetaction="hide"
                                      >
                                        Cancel
                                      </button>
                                      <button
                                        type="submit"
                                        class={['adm-btn', m.disabled ? 'adm-btn-primary' : 'adm-btn-danger']}
                                      >
                                        Yes, {toggle} {m.name}
                                      </button>
                                    </div>
                                  </Form>
                                </div>
                              </>
                            )}
                          </>
                        )}
                        {canAudit && (
                          <a class="adm-link" href={`/admin/audit?entityId=${encodeURIComponent(m.id)}`}>
                            History<span class="visually-hidden"> of {m.name}</span>
                          </a>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
