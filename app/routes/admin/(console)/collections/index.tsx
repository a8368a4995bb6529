/**
 * Collections: each with its product count and whether it is featured on the home page, a form to add one, and
 * delete (its products stay). Viewing needs catalog:read; changes check catalog:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCollections } from '@db/repositories/catalog-groups';
import { CollectionInput } from '@domain/catalog/group-input';
import { slugify } from '@domain/catalog/slug';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { createCollection, deleteCollection } from '@worker/services/catalog/collections';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { catalogPageContext } from '~/lib/admin-catalog';
import { staffWith } from '~/lib/admin-session';
import { pageStaff } from '~/lib/session';

const NOT_ALLOWED = 'Your roles do not allow changing collections.';

export const useCollections = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  return {
    items: await listAllCollections(createDb(event.platform.env)),
    canWrite: !!me && can(me.roles, 'catalog:write'),
  };
});

export const useCreateCollection = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'catalog:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const parsed = CollectionInput.safeParse({
      name: input.name,
      slug: input.slug || slugify(input.name),
      description: input.description ?? '',
      featured: input.featured === 'on',
    });
    if (!parsed.success)
      return event.fail(400, { message: parsed.error.issues[0]?.message ?? 'Check the form.' });
    const result = await createCollection(catalogPageContext(event, actor), parsed.data);
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    return { message: `Collection “${result.value.name}” added.` };
  },
  zod$({
    name: z.string().trim().min(1, 'Enter a name.').max(120),
    slug: z.string().trim().max(80).optional(),
    description: z.string().max(5000).optional(),
    featured: z.string().max(3).optional(),
  }),
);

export const useDeleteCollection = routeAction$(
  async ({ id }, event) => {
    const actor = await staffWith(event, 'catalog:write');
    if (!actor) return event.fail(403, { message: NOT_ALLOWED });
    const result = await deleteCollection(catalogPageContext(event, actor), id);
    if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
    return { message: 'Collection deleted; its products stay in the catalog.' };
  },
  zod$({ id: z.string().max(40) }),
);

export default component$(() => {
  const data = useCollections();
  const create = useCreateCollection();
  const remove = useDeleteCollection();
  const { items, canWrite } = data.value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Collections</h1>
          <p class="adm-lede">{items.length} collections</p>
        </div>
      </div>
      <FormStatus outcome={outcomeOf(remove.value)} />
      <div class="adm-grid">
        <section class="adm-card adm-card-flush">
          {items.length === 0 ? (
            <div class="adm-card-pad">
              <h2>No collections yet</h2>
              <p>Group products across categories: new arrivals, gifts, a season.</p>
            </div>
          ) : (
            <div class="adm-table-wrap">
              <table class="adm-table">
                <caption>Collections</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Slug</th>
                    <th scope="col">Home page</th>
                    <th scope="col" class="adm-num">
                      Products
                    </th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" class="adm-cell-main">
                        {c.name}
                      </th>
                      <td>{c.slug}</td>
                      <td>
                        {c.featured ? (
                          <span class="adm-badge adm-badge-ok">Featured</span>
                        ) : (
                          <span class="adm-badge adm-badge-muted">Not featured</span>
                        )}
                      </td>
                      <td class="adm-num">{c.productCount}</td>
                      {canWrite && (
                        <td>
                          <Form action={remove}>
                            <input type="hidden" name="id" value={c.id} />
                            <button type="submit" class="adm-btn adm-btn-danger-ghost adm-btn-sm">
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
          )}
        </section>
        {canWrite && (
          <Form action={create} class="adm-card adm-card-pad adm-form">
            <h2>Add a collection</h2>
            <div class="adm-field">
              <label for="col-name">Name</label>
              <input id="col-name" class="adm-input" name="name" required maxLength={120} />
            </div>
            <div class="adm-field">
              <label for="col-slug">Slug (optional)</label>
              <input
                id="col-slug"
                class="adm-input"
                name="slug"
                maxLength={80}
                aria-describedby="col-slug-hint"
              />
              <p id="col-slug-hint" class="adm-hint">
                Made from the name when left empty.
              </p>
            </div>
            <div class="adm-field">
              <label for="col-description">Description</label>
              <textarea id="col-description" class="adm-input" name="description" maxLength={5000} rows={3} />
            </div>
            <label class="adm-check">
              <input type="checkbox" name="featured" /> Feature on the home page
            </label>
            <FormStatus outcome={outcomeOf(create.value)} />
            <button type="submit" class="adm-btn adm-btn-primary" disabled={create.isRunning}>
              Add collection
            </button>
          </Form>
        )}
      </div>
    </>
  );
});

export const head: DocumentHead = { title: 'Collections' };
