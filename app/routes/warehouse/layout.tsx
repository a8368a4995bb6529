/**
 * The warehouse app (every page under /warehouse), its own shell rather than the admin console's: the page guard
 * (deny by default through app/lib/warehouse-pages.ts; sign-in through /admin/login?next=…), the tablet styles and the
 * header with the sync status. The pages are shells: everything they show comes from IndexedDB in the browser
 * (app/lib/warehouse/client.ts), so the server renders nothing personal and the service worker may keep them for
 * offline use (app/sw.ts).
 */
import { component$, Slot, useContextProvider, useStyles$ } from '@builder.io/qwik';
import type { DocumentHead, RequestHandler } from '@builder.io/qwik-city';
import { useWarehouse, WarehouseContext } from '~/components/warehouse/use-warehouse';
import styles from '~/components/warehouse/warehouse.css?inline';
import { WarehouseHeader } from '~/components/warehouse/warehouse-header/WarehouseHeader';
import { LOGIN_PATH } from '~/lib/admin-pages';
import { pageStaff } from '~/lib/session';
import { decideWarehousePage, WAREHOUSE_FORBIDDEN_PATH } from '~/lib/warehouse-pages';

/** Set on the request the guard refused, so the rewritten request renders the 403 page instead of looping. */
const REFUSED = 'warehouse:refused';
const QWIK_PARAMS = ['qaction', 'qdata', 'qfunc', 'qloaders'];

export const onRequest: RequestHandler = async (event) => {
  // `private, no-cache` (the root's): no shared cache keeps a page, the service worker may (they hold no personal data).
  event.headers.set('X-Robots-Tag', 'noindex');
  if (event.sharedMap.has(REFUSED)) return;
  const signedIn = await pageStaff(event);
  const decision = decideWarehousePage(event.url.pathname, signedIn?.principal.roles ?? null);
  if (decision === 'login') {
    const search = new URLSearchParams(event.url.search);
    for (const p of QWIK_PARAMS) search.delete(p);
    const next = `${event.url.pathname}${search.size ? `?${search}` : ''}`;
    throw event.redirect(302, `${LOGIN_PATH}?next=${encodeURIComponent(next)}`);
  }
  if (decision === 'forbidden') {
    event.sharedMap.set(REFUSED, true);
    event.status(403);
    throw event.rewrite(WAREHOUSE_FORBIDDEN_PATH);
  }
};

export default component$(() => {
  useStyles$(styles);
  useContextProvider(WarehouseContext, useWarehouse());
  return (
    <div class="wh">
      <a class="wh-skip" href="#main">
        Skip to main content
      </a>
      <WarehouseHeader />
      <main id="main" class="wh-main" tabIndex={-1}>
        <Slot />
      </main>
    </div>
  );
});

// Installs with the shop's manifest, whose "Warehouse" shortcut opens /warehouse (public/manifest.webmanifest).
export const head: DocumentHead = { meta: [{ name: 'robots', content: 'noindex' }] };
