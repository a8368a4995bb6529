/** Landing pages: each with its address, what shoppers see now (draft, scheduled, live, ended) and its last change. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listLandingPages } from '@db/repositories/landing-pages';
import { pageState } from '@domain/content/landing-page';
import { can } from '@domain/identity/permissions';
import { formatDateTime } from '~/lib/admin-format';
import { PAGE_STATE_BADGES } from '~/lib/landing-state';
import { pageStaff } from '~/lib/session';

export const usePages = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const now = Date.now();
  const rows = await listLandingPages(createDb(event.platform.env));
  return {
    items: rows.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      updatedAt: p.updatedAt,
      state: pageState(p, now),
    })),
    canWrite: !!me && can(me.roles, 'content:write'),
    notice: event.url.searchParams.get('deleted') ? 'Page deleted.' : undefined,
  };
});

export default component$(() => {
  const { items, canWrite, notice } = usePages().value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Landing pages</h1>
          <p class="adm-lede">
            Campaign and information pages built from blocks, previewed, then published or scheduled.
          </p>
        </div>
        {canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/content/pages/new">
            New page
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
            <h2>No landing pages yet</h2>
            <p>Build a page for a campaign, a season or your story, with products pulled from the catalog.</p>
          </div>
        ) : (
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Landing pages</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Address</th>
                  <th scope="col">In the shop</th>
                  <th scope="col">Last change</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/content/pages/${p.id}`}>{p.title}</a>
                    </th>
                    <td>/pages/{p.slug}</td>
                    <td>
                      <span class={['adm-badge', PAGE_STATE_BADGES[p.state][1]]}>
                        {PAGE_STATE_BADGES[p.state][0]}
                      </span>
                    </td>
                    <td>{formatDateTime(p.updatedAt)}</td>
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

export const head: DocumentHead = { title: 'Landing pages' };
