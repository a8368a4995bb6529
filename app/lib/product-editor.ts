/**
 * The product editor's posts, shared by /admin/products/new and /admin/products/[id]/edit: "Generate variants"
 * answers with the draft and its rebuilt variant table; "Save" checks the draft (ProductInput), calls the catalog
 * service and answers with field errors, or with the saved product's id.
 */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories, listAllCollections } from '@db/repositories/catalog-groups';
import { treeLabel, treeOrder } from '@domain/catalog/category-tree';
import { statusOfError } from '@domain/core/errors';
import { createProduct, updateProduct } from '@worker/services/catalog/products';
import { catalogPageContext } from '~/lib/admin-catalog';
import { staffWith } from '~/lib/admin-session';
import {
  draftFromForm,
  draftFromProduct,
  type FieldErrors,
  inputFromDraft,
  type ProductDraft,
  serviceErrors,
  withGeneratedVariants,
} from '~/lib/product-form';

export interface EditorAnswer {
  draft: ProductDraft;
  fieldErrors?: FieldErrors;
  message?: string;
  savedId?: string;
}

/** Category and collection choices for the form. */
export async function editorChoices(env: QwikCityPlatform['env']) {
  const db = createDb(env);
  const [categories, collections] = await Promise.all([listAllCategories(db), listAllCollections(db)]);
  return {
    // In tree order, each labelled with its depth, as the categories page lists them.
    categories: treeOrder(categories).map((c) => ({ id: c.id, name: treeLabel(c) })),
    collections: collections.map((c) => ({ id: c.id, name: c.name })),
  };
}

export async function handleEditorPost(
  data: Record<string, unknown>,
  event: RequestEventAction<QwikCityPlatform>,
  productId: string | null,
) {
  const draft = draftFromForm(data);
  if (data.intent === 'generate') {
    return {
      draft: withGeneratedVariants(draft),
      message: 'Variants generated: set their prices, then save.',
    };
  }
  const actor = await staffWith(event, 'catalog:write');
  if (!actor) return event.fail(403, { draft, message: 'Your roles do not allow editing products.' });
  const checked = inputFromDraft(draft);
  if (!checked.ok) {
    return event.fail(400, {
      draft,
      fieldErrors: checked.errors,
      message: 'Please correct the marked fields.',
    });
  }
  const ctx = catalogPageContext(event, actor);
  const result = productId
    ? await updateProduct(ctx, productId, checked.input)
    : await createProduct(ctx, checked.input);
  if (!result.ok) {
    return event.fail(statusOfError(result.error.code), {
      draft,
      fieldErrors: serviceErrors(result.error.meta, draft),
      message: result.error.detail,
    });
  }
  if (!productId) throw event.redirect(303, `/admin/products/${result.value.id}/edit?created=1`);
  return { draft: draftFromProduct(result.value), savedId: result.value.id, message: 'Product saved.' };
}
