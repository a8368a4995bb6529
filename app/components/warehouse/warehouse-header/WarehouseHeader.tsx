/** The warehouse app's top bar: where you are, the screens, who is signed in, and whether this device is in sync. */
import { component$ } from '@builder.io/qwik';
import { useLocation } from '@builder.io/qwik-city';
import { useWarehouseSnapshot } from '~/components/warehouse/use-warehouse';

const LINKS = [
  { href: '/warehouse', label: 'Queue' },
  { href: '/warehouse/attention', label: 'Needs attention' },
];

function statusText(online: boolean, waiting: number, syncing: boolean): string {
  if (!online) return waiting ? `Offline · ${waiting} saved on this device` : 'Offline';
  if (syncing) return 'Syncing…';
  return waiting ? `${waiting} waiting to sync` : 'All synced';
}

export const WarehouseHeader = component$(() => {
  const snapshot = useWarehouseSnapshot();
  const loc = useLocation();
  const s = snapshot.value;
  const waiting = s ? s.orders.reduce((n, o) => n + o.pending.length, 0) : 0;
  const attention = s ? s.orders.filter((o) => o.badge === 'attention').length : 0;
  const next = encodeURIComponent(loc.url.pathname);
  return (
    <header class="wh-header">
      <a class="wh-brand" href="/warehouse">
        Warehouse
      </a>
      <nav aria-label="Warehouse">
        <ul class="wh-nav">
          {LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href} aria-current={loc.url.pathname === l.href ? 'page' : undefined}>
                {l.label}
                {l.href === '/warehouse/attention' && attention > 0 && (
                  <span class="wh-count">{` (${attention})`}</span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="wh-status" role="status">
        {s ? statusText(s.online, waiting, s.syncing) : 'Loading…'}
        {s?.sync.staff && <span class="wh-who"> · {s.sync.staff.name}</span>}
      </p>
      {s?.sync.signInNeeded && (
        <p class="wh-signin" role="alert">
          Your session ended; nothing is lost.{' '}
          <a class="wh-btn wh-btn-primary" href={`/admin/login?next=${next}`}>
            Sign in again
          </a>
        </p>
      )}
    </header>
  );
});
