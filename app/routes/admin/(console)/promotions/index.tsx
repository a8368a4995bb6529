/** Promotions: every promotion with how it is unlocked, what it gives, its schedule and status, and its uses. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can } from '@domain/identity/permissions';
import { listAdminPromotions } from '@worker/services/promotions/admin';
import { formatDateTime } from '~/lib/admin-format';
import {
  describeBenefit,
  describeTrigger,
  describeUses,
  PROMOTION_STATUS_BADGES,
  promotionStatus,
} from '~/lib/promotion-words';
import { pageStaff } from '~/lib/session';

/** The window as two lines ("Oct 2, 2026, 00:00 UTC" / "to Dec 31, …"), or null when it is unbounded. */
function schedule(startsAt: number | null, endsAt: number | null): [string, string] | null {
  if (startsAt === null && endsAt === null) return null;
  return [
    startsAt === null ? 'From now' : formatDateTime(startsAt),
    endsAt === null ? 'No end' : `to ${formatDateTime(endsAt)}`,
  ];
}

export const usePromotions = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const now = Date.now();
  const rows = await listAdminPromotions(createDb(event.platform.env), now);
  return {
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      trigger: describeTrigger(p),
      automatic: p.trigger.kind === 'automatic',
      benefit: describeBenefit(p.benefit),
      schedule: schedule(p.startsAt, p.endsAt),
      status: promotionStatus(p, now),
      uses: describeUses(p.uses, p.usageLimit),
    })),
    canWrite: !!me && can(me.roles, 'promotions:write'),
  };
});

export default component$(() => {
  const { items, canWrite } = usePromotions().value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Promotions</h1>
          <p class="adm-lede">
            Discount codes and automatic offers: percentage or amount off, buy X get Y, free shipping. Lower
            catalog prices for a while with <a href="/admin/promotions/sales">Sales</a>.
          </p>
        </div>
        {canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/promotions/new">
            New promotion
          </a>
        )}
      </div>
      {items.length === 0 ? (
        <section class="adm-card adm-empty-card">
          <h2>No promotions yet</h2>
          <p>Create a code for a newsletter, or an automatic offer such as free shipping over an amount.</p>
        </section>
      ) : (
        <section class="adm-card adm-card-flush">
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Promotions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Trigger</th>
                  <th scope="col">Gives</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="adm-num">
                    Uses
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/promotions/${p.id}`}>{p.name}</a>
                    </th>
                    <td class="adm-promo-codes">
                      {p.automatic ? (
                        <span class="adm-muted">{p.trigger}</span>
                      ) : (
                        <code class="adm-code">{p.trigger}</code>
                      )}
                    </td>
                    <td>{p.benefit}</td>
                    <td>
                      {p.schedule ? (
                        <span class="adm-cell-stack">
                          <span class="adm-nowrap">{p.schedule[0]}</span>
                          <span class="adm-nowrap adm-muted">{p.schedule[1]}</span>
                        </span>
                      ) : (
                        'Always'
                      )}
                    </td>
                    <td>
                      <span class={['adm-badge', PROMOTION_STATUS_BADGES[p.status][1]]}>
                        {PROMOTION_STATUS_BADGES[p.status][0]}
                      </span>
                    </td>
                    <td class="adm-num adm-nowrap">{p.uses}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Promotions' };
