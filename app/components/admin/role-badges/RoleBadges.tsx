/** A staff member's roles as small labelled badges. */
import { component$ } from '@builder.io/qwik';
import type { StaffRole } from '@domain/identity/roles';
import { ROLE_LABELS } from '~/lib/admin-pages';

export const RoleBadges = component$<{ roles: readonly string[] }>(({ roles }) => (
  <ul class="adm-badges">
    {roles.map((role) => (
      <li key={role} class={['adm-badge', `adm-role-${role}`]}>
        {ROLE_LABELS[role as StaffRole] ?? role}
      </li>
    ))}
  </ul>
));
