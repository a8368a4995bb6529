/** The dashboard: a greeting with the signed-in roles, then only the widgets those roles may see. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { countOrdersNeedingAttention } from '@db/repositories/admin-orders';
import { listAudit } from '@db/repositories/audit';
import { listOpenAuthTokens } from '@db/repositories/auth-tokens';
import { searchCustomers } from '@db/repositories/customers';
import { listStaff } from '@db/repositories/staff';
import { listOpenStockAlerts } from '@db/repositories/stock-ledger';
import { can } from '@domain/identity/permissions';
import { ATTENTION_LABELS, ATTENTION_REASONS } from '@domain/orders/needs-attention';
import { recentSales } from '@worker/services/reports/reports';
import { AuditTable, prettyJson } from '~/components/admin/audit-table/AuditTable';
import { DashboardSales } from '~/components/admin/dashboard-sales/DashboardSales';
import { RoleBadges } from '~/components/admin/role-badges/RoleBadges';
import { StatCard } from '~/components/admin/stat-card/StatCard';
import { formatDate } from '~/lib/format';
import { pageStaff } from '~/lib/session';
import { useAdminShell } from '~/routes/admin/(console)/layout';

const NEWEST_CUSTOMERS = 5;
const LATEST_AUDIT = 10;
const STOCK_ALERTS = 8;

/** Each widget's data, or null when the roles may not see it (so it is never even read). */
export const useDashboard = routeLoader$(async (event) => {
  const roles = (await pageStaff(event))?.principal.roles ?? [];
  const db = createDb(event.platform.env);
  const now = Date.now();
  const [customers, team, audit, alerts, sales, attention] = await Promise.all([
    can(roles, 'customers:read') ? searchCustomers(db, { limit: NEWEST_CUSTOMERS, offset: 0 }) : null,
    can(roles, 'staff:read')
      ? Promise.all([listStaff(db), listOpenAuthTokens(db, 'staff-invite', now)])
      : null,
    can(roles, 'audit:read') ? listAudit(db, { limit: LATEST_AUDIT, offset: 0 }) : null,
    can(roles, 'inventory:read') ? listOpenStockAlerts(db, STOCK_ALERTS) : null,
    can(roles, 'reports:read') ? recentSales(db, now, event.platform.env.REPORTS) : null,
    can(roles, 'orders:read') ? countOrdersNeedingAttention(db, now) : null,
  ]);
  return {
    warehouse: can(roles, 'fulfilment:write'),
    customers: customers && {
      total: customers.total,
      newest: customers.items.map(({ id, name, email, createdAt }) => ({ id, name, email, createdAt })),
    },
    team: team && {
      members: team[0].map(({ id, name, email, roles, disabledAt }) => ({
        id,
        name,
        email,
        roles,
        disabled: disabledAt !== null,
      })),
      enabled: team[0].filter((s) => s.disabledAt === null).length,
      disabled: team[0].filter((s) => s.disabledAt !== null).length,
      pending: team[1].length,
    },
    alerts,
    attention:
      attention &&
      ATTENTION_REASONS.map((reason) => ({
        reason,
        label: ATTENTION_LABELS[reason],
        count: attention[reason],
        href: `/admin/orders?attention=${reason}`,
      })),
    sales: sales && {
      today: sales.series[sales.series.length - 1]!.figures,
      month: sales.totals,
      changes: sales.changes,
      trend: sales.series.map((p) => p.figures.net),
      orders: sales.series.map((p) => p.figures.orders),
      currency: event.platform.env.SHOP_CURRENCY,
      timeZone: sales.timeZone,
      rebuilding: sales.rebuilding,
    },
    audit:
      audit?.items.map((e) => ({ ...e, before: prettyJson(e.before), after: prettyJson(e.after) })) ?? null,
  };
});

export default component$(() => {
  const shell = useAdminShell();
  const data = useDashboard();
  const { customers, team, audit, alerts, sales, attention } = data.value;
  const firstName = shell.value.name.split(' ')[0];
  const nothing = !customers && !team && !audit && !alerts && !sales && !attention;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Welcome back, {firstName}</h1>
          <p class="adm-lede">Your roles: {shell.value.rolesText}</p>
        </div>
        {data.value.warehouse && (
          <a class="adm-btn adm-btn-secondary" href="/warehouse">
            Open the warehouse app
          </a>
        )}
      </div>

      {sales && <DashboardSales sales={sales} />}

      {(customers || team) && (
        <div class="adm-stats">
          {customers && (
            <StatCard
              label="Customers"
              value={customers.total}
              icon="customers"
              href="/admin/customers"
              linkText="View customers"
            />
          )}
          {team && (
            <StatCard
              label="Staff members"
              value={team.enabled}
              icon="staff"
              note={team.disabled ? `${team.disabled} disabled` : 'All enabled'}
              href="/admin/staff"
              linkText="See staff"
            />
          )}
          {team && (
            <StatCard
              label="Pending invitations"
              value={team.pending}
              icon="mail"
              note={team.pending ? 'Waiting to be accepted' : 'None waiting'}
              href="/admin/staff#invitations"
              linkText="See invitations"
            />
          )}
        </div>
      )}

      <div class="adm-grid">
        {attention && (
          <section class="adm-card" aria-labelledby="orders-attention">
            <div class="adm-card-head">
              <h2 id="orders-attention">Orders needing attention</h2>
              <a class="adm-link" href="/admin/orders">
                All orders
              </a>
            </div>
            {attention.every((a) => a.count === 0) && (
              <p class="adm-empty">Nothing is waiting for you: every order is on its way.</p>
            )}
            <ul class="adm-list">
              {attention.map((a) => (
                <li key={a.reason}>
                  <span class="adm-list-main">
                    <a href={a.href}>{a.label}</a>
                  </span>
                  <span class={a.count ? 'adm-strong adm-nowrap' : 'adm-muted adm-nowrap'}>
                    {a.count} {a.count === 1 ? 'order' : 'orders'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {alerts && (
          <section class="adm-card" aria-labelledby="stock-alerts">
            <div class="adm-card-head">
              <h2 id="stock-alerts">Low-stock alerts</h2>
            </div>
            {alerts.length === 0 ? (
              <p class="adm-empty">No SKU is at or below its low-stock threshold.</p>
            ) : (
              <ul class="adm-list">
                {alerts.map((a) => (
                  <li key={a.sku}>
                    <span class="adm-list-main">
                      {a.productId ? (
                        <a href={`/admin/products/${a.productId}`}>{a.productName ?? a.sku}</a>
                      ) : (
                        <span>{a.productName ?? a.sku}</span>
                      )}
                      <span class="adm-muted">{a.sku}</span>
                    </span>
                    <span class="adm-muted adm-nowrap">
                      {a.available} left (threshold {a.threshold}) · since {formatDate(a.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {customers && (
          <section class="adm-card" aria-labelledby="newest-customers">
            <div class="adm-card-head">
              <h2 id="newest-customers">Newest customers</h2>
              <a class="adm-link" href="/admin/customers">
                All customers
              </a>
            </div>
            {customers.newest.length === 0 ? (
              <p class="adm-empty">No customers yet.</p>
            ) : (
              <ul class="adm-list">
                {customers.newest.map((c) => (
                  <li key={c.id}>
                    <span class="adm-avatar" aria-hidden="true">
                      {c.name.slice(0, 1)}
                    </span>
                    <span class="adm-list-main">
                      <a href={`/admin/customers/${c.id}`}>{c.name}</a>
                      <span class="adm-muted">{c.email}</span>
                    </span>
                    <span class="adm-muted adm-nowrap">Joined {formatDate(c.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        {team && (
          <section class="adm-card" aria-labelledby="team">
            <div class="adm-card-head">
              <h2 id="team">Team</h2>
              <a class="adm-link" href="/admin/staff">
                Manage staff
              </a>
            </div>
            <ul class="adm-list">
              {team.members.map((m) => (
                <li key={m.id}>
                  <span class="adm-avatar" aria-hidden="true">
                    {m.name.slice(0, 1)}
                  </span>
                  <span class="adm-list-main">
                    <span class="adm-strong">{m.name}</span>
                    <span class="adm-muted">{m.email}</span>
                  </span>
                  {m.disabled ? (
                    <span class="adm-badge adm-badge-muted">Disabled</span>
                  ) : (
                    <RoleBadges roles={m.roles} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        {audit && (
          <section class="adm-card adm-card-wide" aria-labelledby="latest-activity">
            <div class="adm-card-head">
              <h2 id="latest-activity">Latest activity</h2>
              <a class="adm-link" href="/admin/audit">
                Full audit log
              </a>
            </div>
            {audit.length === 0 ? (
              <p class="adm-empty">Nothing has been recorded yet.</p>
            ) : (
              <AuditTable rows={audit} caption="The 10 latest audit log entries" />
            )}
          </section>
        )}
      </div>

      {nothing && (
        <section class="adm-card adm-card-narrow" aria-labelledby="your-account">
          <div class="adm-card-head">
            <h2 id="your-account">Your account</h2>
          </div>
          <dl class="adm-dl">
            <dt>Name</dt>
            <dd>{shell.value.name}</dd>
            <dt>Email</dt>
            <dd>{shell.value.email}</dd>
            <dt>Roles</dt>
            <dd>{shell.value.rolesText}</dd>
          </dl>
        </section>
      )}
    </>
  );
});

export const head: DocumentHead = { title: 'Dashboard' };
