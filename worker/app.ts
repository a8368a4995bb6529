/** The Worker's Hono app: shared middleware, the /api modules, generated media, then the pages (Qwik City SSR). */

import { createDb } from '@db/client';
import { newId } from '@domain/core/ids';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import { accountAddresses } from './api/account/addresses';
import { accountAuth } from './api/account/auth';
import { accountOrders } from './api/account/orders';
import { accountProfile } from './api/account/profile';
import { accountReturns } from './api/account/returns';
import { accountReviews } from './api/account/reviews';
import { adminAudit } from './api/admin/audit';
import { adminBanners } from './api/admin/banners';
import { adminCatalogCsv } from './api/admin/catalog-csv';
import { adminCategories } from './api/admin/categories';
import { adminCollections } from './api/admin/collections';
import { adminCustomers } from './api/admin/customers';
import { adminInventory } from './api/admin/inventory';
import { adminInventoryBins } from './api/admin/inventory-bins';
import { adminMedia } from './api/admin/media';
import { adminNavLinks } from './api/admin/nav-links';
import { adminOrderRefunds } from './api/admin/order-refunds';
import { adminOrderReturns } from './api/admin/order-returns';
import { adminOrderShipments } from './api/admin/order-shipments';
import { adminOrders } from './api/admin/orders';
import { adminPosts } from './api/admin/posts';
import { adminProductImages } from './api/admin/product-images';
import { adminProducts } from './api/admin/products';
import { adminPromotions } from './api/admin/promotions';
import { adminReportExports } from './api/admin/report-exports';
import { adminReports } from './api/admin/reports';
import { adminReviews } from './api/admin/reviews';
import { adminSales } from './api/admin/sales';
import { adminStaff } from './api/admin/staff';
import { mailbox } from './api/dev/mailbox';
import { devStock } from './api/dev/stock';
import { staffAuth } from './api/staff/auth';
import { carts } from './api/store/carts';
import { catalog } from './api/store/catalog';
import { catalogSnapshot } from './api/store/catalog-snapshot';
import { checkouts } from './api/store/checkouts';
import { storePromotions } from './api/store/promotions';
import { storeReviews } from './api/store/reviews';
import { sessionSummary } from './api/store/session-summary';
import { stock } from './api/store/stock';
import { type ReferenceDoc, renderReference } from './api/system/docs';
import { health } from './api/system/health';
import { warehouse } from './api/warehouse/warehouse';
import { paymentWebhooks } from './api/webhooks/payments';
import type { AppEnv } from './http/app-env';
import { edgeCache } from './http/edge-cache';
import { apiNotFound, renderError } from './http/errors';
import { OPENAPI_INFO } from './http/openapi';
import {
  limitPageBody,
  PAGE_METHODS,
  type PageHandler,
  pageMethodNotAllowed,
  servePages,
} from './http/pages';
import { media } from './media';
import { idempotency } from './middleware/idempotency';
import { limitBody, requireJsonBody } from './middleware/json-body';
import { pageViews } from './middleware/page-views';
import { paymentPageCsp } from './middleware/payment-page-csp';
import { rateLimit } from './middleware/rate-limit';
import { sameOriginWrites } from './middleware/same-origin';
import { securityHeaders } from './middleware/security-headers';
import { sessions } from './middleware/session';
import { staffOnly } from './middleware/staff-guard';
import { warehousePageHeaders } from './middleware/warehouse-page-headers';
import { seo } from './seo';

const withDb = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', createDb(c.env));
  await next();
});

/** Builds the app; `pages` handles everything outside /api and /media. `build` names the deployed page build. */
export function createApp(pages?: PageHandler, { build = 'dev' }: { build?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.get('/api/__ping', (c) => c.text('pong')); // before every middleware: the bench's floor (docs/benchmarks.md)
  // Page views are counted around the edge cache, so cached pages count too (after the response, worker/services/analytics).
  if (pages) app.use('*', pageViews);
  // Public pages come from the edge cache before anything else runs (worker/http/edge-cache.ts).
  if (pages)
    app.use('*', edgeCache({ build, render: async (request, env, ctx) => app.fetch(request, env, ctx) }));
  // Hono's request id: a sane incoming X-Request-Id (word characters, at most 64) is kept, else we mint one.
  app.use('*', requestId({ limitLength: 64, generator: () => newId('request') }), securityHeaders);
  // Cross-site writes are refused before anything else runs; sessions resolve lazily (only routes that ask pay).
  app.use('/api/*', sameOriginWrites, withDb, sessions, rateLimit);
  // The back office: a staff session and a route that names its permission, or nothing (deny by default). Before
  // the body checks, so an anonymous caller learns nothing but 401 (not which bodies a staff route accepts).
  app.use('/api/admin/*', staffOnly);
  app.use('/api/warehouse/*', staffOnly);
  app.use('/api/*', requireJsonBody, limitBody, idempotency);

  app.route('/api', health);
  app.route('/api', catalog);
  app.route('/api', catalogSnapshot);
  app.route('/api', storeReviews);
  app.route('/api', carts);
  app.route('/api', checkouts);
  app.route('/api', paymentWebhooks);
  app.route('/api', sessionSummary);
  app.route('/api', storePromotions);
  app.route('/api', stock);
  app.route('/api', accountAuth);
  app.route('/api', accountProfile);
  app.route('/api', accountAddresses);
  app.route('/api', accountOrders);
  app.route('/api', accountReturns);
  app.route('/api', accountReviews);
  app.route('/api', staffAuth);
  app.route('/api', adminCatalogCsv); // before any /admin/products/{id} route: export.csv is a literal path
  app.route('/api', adminCustomers);
  app.route('/api', adminOrders);
  app.route('/api', adminOrderRefunds);
  app.route('/api', adminOrderShipments);
  app.route('/api', adminOrderReturns);
  app.route('/api', adminStaff);
  app.route('/api', adminAudit);
  app.route('/api', adminProducts);
  app.route('/api', adminProductImages);
  app.route('/api', adminInventory);
  app.route('/api', adminInventoryBins);
  app.route('/api', adminCategories);
  app.route('/api', adminCollections);
  app.route('/api', adminReviews);
  app.route('/api', adminPromotions);
  app.route('/api', adminSales);
  app.route('/api', adminReports);
  app.route('/api', adminReportExports);
  app.route('/api', adminPosts);
  app.route('/api', adminBanners);
  app.route('/api', adminMedia);
  app.route('/api', adminNavLinks);
  app.route('/api', warehouse);
  app.doc31('/api/openapi.json', OPENAPI_INFO);
  app.get('/api/docs', (c) =>
    c.html(renderReference(app.getOpenAPI31Document(OPENAPI_INFO) as ReferenceDoc)),
  );
  app.all('/api/*', apiNotFound(app));

  app.route('/media', media);
  app.use('/sitemap.xml', withDb);
  app.use('/blog/feed.xml', withDb);
  app.route('/', seo); // /robots.txt, /sitemap.xml, /blog/feed.xml
  app.route('/dev', mailbox); // local development only: answers nothing elsewhere (worker/api/dev/mailbox.ts)
  app.route('/dev', devStock); // local development only, the same guards (worker/api/dev/stock.ts)
  if (pages) {
    app.use('/checkout', paymentPageCsp);
    app.use('/checkout/', paymentPageCsp);
    app.use('/warehouse', warehousePageHeaders);
    app.use('/warehouse/*', warehousePageHeaders);
    app.on(PAGE_METHODS, '*', limitPageBody, servePages(pages));
    app.all('*', pageMethodNotAllowed);
  }

  app.onError(renderError);
  return app;
}
