/**
 * The category tree: every category indented under its parent with its product count, a form to add one, and delete
 * for empty ones (the service refuses a category that still has products or subcategories). Viewing needs
 * catalog:read; changes check catalog:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { treeLabel, treeOrder } from '@domain/catalog/category-tree';
import { CategoryInput } from '@domain/catalog/group-input';
import { slugify } from '@domain/catalog/slug';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { createCategory, deleteCategory } from '@worker/services/catalog/categories';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { catalogPageContext } from '~/lib/admin-catalog';
import { staffWith } from '~/lib/admin-session';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing categories.';

export const useCategories = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const rows = treeOrder(await listAllCategories(createDb(event.platform.env)));
  return { rows, canWrite: !!me && can(me.roles, 'catalog:write') };
});

export const useCreateCategory = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'catalog:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = CategoryInput.safeParse({
      name: input.name,
      slug: input.slug || slugify(input.name),
      parentId: input.parentId || null,
    });
    if (!parsed.success)
      return event.fail(400, { message: parsed.error.issues[0]?.message ?? 'Check the form.' });
    const result = await createCategory(catalogPageContext(event, actor), parsed.data);
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    return { message: `Category “${result.value.name}” added.` };
  },
  zod$({
    name: z.string().trim().min(1, 'Enter a name.').max(120),
    slug: z.string().trim().max(80).optional(),
    parentId: z.string().max(40).optional(),
  }),
);

export const useDeleteCategory = routeAction$(
  async ({ id }, event) => {
    const actor = await staffWith(event, 'catalog:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const result = await deleteCategory(catalogPageContext(event, actor), id);
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    return { message: 'Category deleted.' };
  },
  zod$({ id: z.string().max(40) }),
);

export default component$(() => {
  const data = useCategories();
  const create = useCreateCategory();
  const remove = useDeleteCategory();
  const { rows, canWrite } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Categories</h1>
          <p class="adm-lede">{rows.length} categories</p>
        </div>
      </div>
      <FormStatus outcome={outcomeOf(remove.value)} />
      <div class="adm-grid">
        <section class="adm-card adm-card-flush">
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption>Category tree</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Slug</th>
                  <th scope="col" class="adm-num">
                    Products
                  </th>
                  {canWrite && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" class="adm-cell-main" style={{ paddingLeft: `${1 + c.depth * 1.5}rem` }}>
                      {c.depth > 0 && <span aria-hidden="true">└ </span>}
                      {c.name}
                    </th>
                    <td>{c.slug}</td>
                    <td class="adm-num">{c.productCount}</td>
                    {canWrite && (
                      <td>
                        <Form action={remove}>
                          <input type="hidden" name="id" value={c.id} />
                          <button
                            type="submit"
                            class="adm-btn adm-btn-danger-ghost adm-btn-sm"
                            disabled={c.productCount > 0}
                            title={c.productCount > 0 ? 'Move its products first' : undefined}
                          >
                            Delete<span class="visually-hidden"> {c.name}</span>
                          </button>
                        </Form>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {canWrite && (
          <Form action={create} class="adm-card adm-card-pad adm-form">
            <h2>Add a category</h2>
            <div class="adm-field">
              <label for="cat-name">Name</label>
              <input id="cat-name" class="adm-input" name="name" required maxLength={120} />
            </div>
            <div class="adm-field">
              <label for="cat-slug">Slug (optional)</label>
              <input
                id="cat-slug"
                class="adm-input"
                name="slug"
                maxLength={80}
                aria-describedby="cat-slug-hint"
              />
              <p id="cat-slug-hint" class="adm-hint">
                Made from the name when left empty.
              </p>
            </div>
            <div class="adm-field">
              <label for="cat-parent">Parent</label>
              <select id="cat-parent" class="adm-input" name="parentId">
                <option value="">None (top level)</option>
                {rows.map((c) => (
                  <option key={c.id} value={c.id}>
                    {treeLabel(c)}
                  </option>
                ))}
              </select>
            </div>
            <FormStatus outcome={outcomeOf(create.value)} />
            <button type="submit" class="adm-btn adm-btn-primary" disabled={create.isRunning}>
              Add category
            </button>
          </Form>
        )}
      </div>
    </>
  );
});

export const head: DocumentHead = { title: 'Categories' };
