/**
 * A landing page as shoppers see it: the revision live now (scheduled changes take over on time through the page
 * version's schedule marks), a 301 to where a renamed page moved, or the shop's 404. Edge-cached like other shop
 * pages; publishing changes the cache key.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { loadLandingPage, underSales } from '@worker/services/content/landing-view';
import { shopSales } from '@worker/services/promotions/shop-sales';
import { publicOrigin } from '@worker/services/shop/settings';
import { LandingBlocks } from '~/components/shop/landing-blocks/LandingBlocks';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { landingHead } from '~/lib/landing-head';

export const useLandingPage = routeLoader$(async (event) => {
  const now = Date.now();
  const [answer, sales] = await Promise.all([
    loadLandingPage(createDb(event.platform.env), event.params.slug ?? '', now),
    shopSales(event.platform.env, now),
  ]);
  if (answer.kind === 'moved') throw event.redirect(301, answer.to);
  if (answer.kind === 'missing') {
    event.status(404);
    return null;
  }
  return { ...underSales(answer.view, sales, now), origin: publicOrigin(event.platform.env, event.url.href) };
});

export default component$(() => {
  const p = useLandingPage().value;
  if (!p) return <NotFound />;
  return <LandingBlocks title={p.title} blocks={p.blocks} />;
});

export const head: DocumentHead = ({ resolveValue }) => {
  const p = resolveValue(useLandingPage);
  return p ? landingHead(p, p.origin) : { title: 'Page not found' };
};
