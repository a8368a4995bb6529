/** Collection page: the merchant's set of products with the same facets, sort and pages as a category; 404 if unknown. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { getCollectionBySlug } from '@db/repositories/collections';
import { ListingView } from '~/components/shop/listing-view/ListingView';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { loadListing } from '~/lib/listing';

/** The collection and one filtered page of its active products, or null (404). */
export const useCollectionPage = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const collection = await getCollectionBySlug(db, event.params.slug ?? '');
  if (!collection) {
    event.status(404);
    return null;
  }
  return { collection, ...(await loadListing(event, db, { collectionSlug: collection.slug })) };
});

export default component$(() => {
  const d = useCollectionPage().value;
  if (!d) return <NotFound what="collection" />;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: d.collection.name }]} />
      <ListingView
        title={d.collection.name}
        path={`/collections/${d.collection.slug}`}
        state={d.state}
        items={d.items}
        total={d.total}
        facets={d.facets}
        categoryLinks={[]}
      >
        {d.collection.description && <p class="listing-intro">{d.collection.description}</p>}
      </ListingView>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue, url }) => {
  const d = resolveValue(useCollectionPage);
  if (!d) return { title: 'Collection not found' };
  return {
    title: d.collection.name,
    meta: [{ name: 'description', content: d.collection.description }],
    links: [{ rel: 'canonical', href: new URL(`/collections/${d.collection.slug}`, url).href }],
  };
};
