/** One headline number on the dashboard, with what it counts and a link to the page behind it. */
import { component$ } from '@builder.io/qwik';
import { AdminIcon, type AdminIconName } from '~/components/admin/admin-icon/AdminIcon';

interface Props {
  label: string;
  value: number;
  icon: AdminIconName;
  note?: string;
  href?: string;
  linkText?: string;
}

export const StatCard = component$<Props>(({ label, value, icon, note, href, linkText }) => (
  <section class="adm-stat" aria-label={label}>
    <span class="adm-stat-icon">
      <AdminIcon name={icon} />
    </span>
    <div>
      <p class="adm-stat-label">{label}</p>
      <p class="adm-stat-value">{value.toLocaleString('en-US')}</p>
      {note && <p class="adm-stat-note">{note}</p>}
      {href && (
        <a class="adm-link" href={href}>
          {linkText}
        </a>
      )}
    </div>
  </section>
));
