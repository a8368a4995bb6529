/** Banners: every banner with its placement, audience, schedule and state now (live, scheduled, ended, off). */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllBanners } from '@db/repositories/banners';
import { bannerState } from '@domain/content/banners';
import { can } from '@domain/identity/permissions';
import { PLACEMENT_LABELS, STATE_BADGES } from '~/lib/banner-form';
import { pageStaff } from '~/lib/session';

function when(ms: number | null, none: string): string {
  return ms === null ? none : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const useBanners = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const now = Date.now();
  const rows = await listAllBanners(createDb(event.platform.env));
  return {
    items: rows.map((b) => ({ ...b, state: bannerState(b, now) })),
    canWrite: !!me && can(me.roles, 'content:write'),
    notice: event.url.searchParams.get('deleted') ? 'Banner deleted.' : undefined,
  };
});

export default component$(() => {
  const { items, canWrite, notice } = useBanners().value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Banners</h1>
          <p class="adm-lede">
            Announcement bar, home page and category page banners. They appear and disappear on schedule.
          </p>
        </div>
        {canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/content/banners/new">
            New banner
          </a>
        )}
      </div>
      {notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {notice}
        </p>
      )}
      <section class="adm-card adm-card-flush">
        {items.length === 0 ? (
          <div class="adm-card-pad">
            <h2>No banners yet</h2>
            <p>Announce a sale or free shipping across the shop, or feature a campaign on the home page.</p>
          </div>
        ) : (
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Banners</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Placement</th>
                  <th scope="col">Audience</th>
                  <th scope="col">Starts</th>
                  <th scope="col">Ends</th>
                  <th scope="col" class="adm-num">
                    Priority
                  </th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row" class="adm-cell-main">
                      {canWrite ? <a href={`/admin/content/banners/${b.id}`}>{b.title}</a> : b.title}
                    </th>
                    <td>{PLACEMENT_LABELS[b.placement] ?? b.placement}</td>
                    <td>{b.audience === 'signed-in' ? 'Signed-in customers' : 'Everyone'}</td>
                    <td>{when(b.startsAt, 'At once')}</td>
                    <td>{when(b.endsAt, 'Never')}</td>
                    <td class="adm-num">{b.priority}</td>
                    <td>
                      <span class={['adm-badge', STATE_BADGES[b.state][1]]}>{STATE_BADGES[b.state][0]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Banners' };
