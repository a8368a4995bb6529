/** Editing a product: the editor filled from the saved product, and its images. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { getProduct } from '@worker/services/catalog/products';
import { outcomeOf } from '~/components/admin/form-status/FormStatus';
import { ProductEditor } from '~/components/admin/product-editor/ProductEditor';
import { ProductImages } from '~/components/admin/product-images/ProductImages';
import { editorChoices, handleEditorPost } from '~/lib/product-editor';
import { draftFromProduct } from '~/lib/product-form';
import { imageAction } from '~/lib/product-image-actions';

export const useEditable = routeLoader$(async (event) => {
  const found = await getProduct({ db: createDb(event.platform.env) }, (event.params.id ?? '').slice(0, 40));
  if (!found.ok) throw event.error(404, 'No product has this id.');
  return {
    product: found.value,
    ...(await editorChoices(event.platform.env)),
    currency: event.platform.env.SHOP_CURRENCY,
    created: event.url.searchParams.has('created'),
  };
});

export const useEditor = routeAction$((data, event) =>
  handleEditorPost(data as Record<string, unknown>, event, (event.params.id ?? '').slice(0, 40)),
);

export const useImages = routeAction$((data, event) => imageAction(data as Record<string, unknown>, event));

export default component$(() => {
  const data = useEditable();
  const editor = useEditor();
  const images = useImages();
  const { product: p } = data.value;
  const imageOutcome = outcomeOf(images.value);
  return (
    <>
      <div class="adm-head">
        <h1>Edit {p.name}</h1>
        <a class="adm-btn adm-btn-secondary" href={`/admin/products/${p.id}`}>
          Back to the product
        </a>
      </div>
      <ProductEditor
        action={editor}
        draft={draftFromProduct(p)}
        categories={data.value.categories}
        collections={data.value.collections}
        currency={data.value.currency}
        okMessage={data.value.created ? 'Product created.' : undefined}
      />
      <ProductImages action={images} images={p.images} ok={imageOutcome.ok} error={imageOutcome.error} />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({
  title: `Edit ${resolveValue(useEditable).product.name}`,
});
