/**
 * A private preview of a landing page's saved draft, for whoever holds the link until it expires. Never cached, never
 * indexed, and no Referer leaves it (the token is in the path). A guessed, malformed or expired token is a plain 404.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, type RequestHandler, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { loadPreview, underSales } from '@worker/services/content/landing-view';
import { shopSales } from '@worker/services/promotions/shop-sales';
import { publicOrigin } from '@worker/services/shop/settings';
import { LandingBlocks } from '~/components/shop/landing-blocks/LandingBlocks';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { formatDateTime } from '~/lib/admin-format';
import { landingHead } from '~/lib/landing-head';

export const onRequest: RequestHandler = ({ headers }) => {
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  headers.set('Referrer-Policy', 'no-referrer');
};

export const usePreview = routeLoader$(async (event) => {
  const now = Date.now();
  const [found, sales] = await Promise.all([
    loadPreview(createDb(event.platform.env), event.params.token ?? '', now),
    shopSales(event.platform.env, now),
  ]);
  if (!found) {
    event.status(404);
    return null;
  }
  return {
    ...underSales(found.view, sales, now),
    expiresAt: found.expiresAt,
    origin: publicOrigin(event.platform.env, event.url.href),
  };
});

export default component$(() => {
  const p = usePreview().value;
  if (!p) return <NotFound what="preview" />;
  return (
    <>
      <p class="lp-preview-note" role="status">
        Preview of the draft of <strong>/pages/{p.slug}</strong>: shoppers do not see this version yet. This
        link stops working on {formatDateTime(p.expiresAt)}.
      </p>
      <LandingBlocks title={p.title} blocks={p.blocks} />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const p = resolveValue(usePreview);
  if (!p) return { title: 'Preview not found', meta: [{ name: 'robots', content: 'noindex' }] };
  const head = landingHead(p, p.origin);
  return {
    ...head,
    title: `Preview: ${head.title}`,
    meta: [...(head.meta ?? []), { name: 'robots', content: 'noindex' }],
  };
};
