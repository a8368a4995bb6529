/** The whole product form (details, options, variants) posted to the page's editor action. */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus } from '~/components/admin/form-status/FormStatus';
import { OptionTypes } from '~/components/admin/option-types/OptionTypes';
import { ProductFields } from '~/components/admin/product-fields/ProductFields';
import { VariantTable } from '~/components/admin/variant-table/VariantTable';
import type { EditorAnswer } from '~/lib/product-editor';
import type { ProductDraft } from '~/lib/product-form';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the page's routeAction$ store; its input type does not matter here.
  action: ActionStore<any, any, true>;
  draft: ProductDraft;
  categories: { id: string; name: string }[];
  collections: { id: string; name: string }[];
  currency: string;
  okMessage?: string;
}

export const ProductEditor = component$<Props>((p) => {
  const answer = p.action.value as (EditorAnswer & { failed?: boolean }) | undefined;
  const draft = answer?.draft ?? p.draft;
  const errors = answer?.fieldErrors ?? {};
  const ok = answer && !answer.failed ? answer.message : p.okMessage;
  const error = answer?.failed ? answer.message : undefined;
  return (
    <Form action={p.action} class="adm-form" id="product-editor">
      {/* The first submit button is the one Enter presses: saving, not regenerating. */}
      <div class="adm-toolbar">
        <button type="submit" name="intent" value="save" class="adm-btn adm-btn-primary">
          Save product
        </button>
      </div>
      <FormStatus ok={ok} error={error} />
      <ProductFields draft={draft} errors={errors} categories={p.categories} collections={p.collections} />
      <OptionTypes draft={draft} errors={errors} />
      <VariantTable variants={draft.variants} errors={errors} currency={p.currency} />
      <div>
        <button type="submit" name="intent" value="save" class="adm-btn adm-btn-primary">
          Save product
        </button>
      </div>
    </Form>
  );
});
