/** <head> contents for every page: title, description, manifest, theme colour. */
import { component$ } from '@builder.io/qwik';
import { useDocumentHead, useLocation } from '@builder.io/qwik-city';
import { useShop } from '~/routes/layout';

export const RouterHead = component$(() => {
  const head = useDocumentHead();
  const loc = useLocation();
  const shop = useShop().value.name;
  return (
    <>
      <title>{head.title ? `${head.title} · ${shop}` : shop}</title>
      {/* Canonical without query strings (sort, qaction…), so listings and posted pages do not split search ranking;
          a page that knows the shop's public origin (the product page) gives its own. */}
      {!head.links.some((l) => l.rel === 'canonical') && (
        <link rel="canonical" href={`${loc.url.origin}${loc.url.pathname}`} />
      )}
      <meta name="viewport" content="width=device-width, initial-scale=1.0" />
      <meta name="theme-color" content="#1f3a5f" />
      <link rel="manifest" href="/manifest.webmanifest" />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="apple-touch-icon" href="/icons/icon-192.png" />
      {head.meta.map((m) => (
        <meta key={m.key} {...m} />
      ))}
      {head.links.map((l) => (
        <link key={l.key} {...l} />
      ))}
    </>
  );
});
