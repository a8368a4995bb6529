/** A new product: the editor, empty; saving creates the product and opens its edit page. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { ProductEditor } from '~/components/admin/product-editor/ProductEditor';
import { editorChoices, handleEditorPost } from '~/lib/product-editor';
import { emptyDraft } from '~/lib/product-form';

export const useChoices = routeLoader$(async (event) => ({
  ...(await editorChoices(event.platform.env)),
  currency: event.platform.env.SHOP_CURRENCY,
}));

export const useEditor = routeAction$((data, event) =>
  handleEditorPost(data as Record<string, unknown>, event, null),
);

export default component$(() => {
  const choices = useChoices();
  const editor = useEditor();
  return (
    <>
      <div class="adm-head">
        <h1>New product</h1>
        <a class="adm-btn adm-btn-secondary" href="/admin/products">
          All products
        </a>
      </div>
      <ProductEditor
        action={editor}
        draft={emptyDraft()}
        categories={choices.value.categories}
        collections={choices.value.collections}
        currency={choices.value.currency}
      />
    </>
  );
});

export const head: DocumentHead = { title: 'New product' };
