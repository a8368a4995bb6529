/** The 403 panel: shown in place of a page the signed-in roles may not open (or an address with no page). */
import { component$ } from '@builder.io/qwik';
import { AdminIcon } from '~/components/admin/admin-icon/AdminIcon';

export const Forbidden = component$<{ roles: string }>(({ roles }) => (
  <section class="adm-panel-center" aria-labelledby="forbidden-title">
    <span class="adm-panel-icon">
      <AdminIcon name="lock" />
    </span>
    <p class="adm-panel-code">Error 403</p>
    <h1 id="forbidden-title">You do not have access to this page</h1>
    <p>
      Your roles ({roles}) do not include this page, or there is no page at this address. If you need it, ask
      an administrator.
    </p>
    <a class="adm-btn adm-btn-primary" href="/admin">
      Back to the dashboard
    </a>
  </section>
));
