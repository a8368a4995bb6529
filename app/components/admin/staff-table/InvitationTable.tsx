/** Invitations sent and not yet accepted (or expired). */
import { component$ } from '@builder.io/qwik';
import { RoleBadges } from '~/components/admin/role-badges/RoleBadges';
import { formatDateTime, isoOf } from '~/lib/admin-format';

interface Invitation {
  email: string;
  name: string;
  roles: string[];
  createdAt: number;
  expiresAt: number;
}

export const InvitationTable = component$<{ invitations: Invitation[] }>(({ invitations }) => (
  <section class="adm-card adm-card-flush" id="invitations" aria-labelledby="invitations-title">
    <div class="adm-card-head adm-card-head-pad">
      <h2 id="invitations-title">Pending invitations</h2>
      <span class="adm-muted">{invitations.length}</span>
    </div>
    {invitations.length === 0 ? (
      <p class="adm-empty adm-card-pad">No invitations are waiting to be accepted.</p>
    ) : (
      <div class="adm-table-wrap">
        <table class="adm-table">
          <caption class="visually-hidden">Pending invitations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Invited</th>
              <th scope="col">Roles</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={`${i.email}-${i.createdAt}`}>
                <th scope="row" class="adm-cell-main">
                  {i.name}
                  <span class="adm-muted adm-block">{i.email}</span>
                </th>
                <td>
                  <RoleBadges roles={i.roles} />
                </td>
                <td class="adm-nowrap">
                  <time dateTime={isoOf(i.expiresAt)}>{formatDateTime(i.expiresAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
));
