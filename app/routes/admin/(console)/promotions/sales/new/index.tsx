/** A new sale: the editor's form; saving needs promotions:write (checked again in the action), then the sale's page. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { statusOfError } from '@domain/core/errors';
import { createSale } from '@worker/services/promotions/sales-admin';
import { SaleForm } from '~/components/admin/sale-form/SaleForm';
import { PROMOTIONS_NOT_ALLOWED, promotionsPageContext } from '~/lib/admin-promotions';
import { staffWith } from '~/lib/admin-session';
import { saleFieldErrors, saleFromForm, utcDefaults } from '~/lib/sale-form';
import { SaleFormFields } from '~/lib/sale-form-fields';

export const useNewSale = routeLoader$(async (event) => ({
  categories: (await listAllCategories(createDb(event.platform.env))).map(({ id, name }) => ({ id, name })),
  defaults: utcDefaults(Date.now()),
}));

export const useCreateSale = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'promotions:write');
  if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
  const input = saleFromForm(fields);
  if (!input.ok)
    return event.fail(400, { message: 'Please check the sale.', fieldErrors: input.fieldErrors });
  const saved = await createSale(promotionsPageContext(event, actor), input.value);
  if (!saved.ok)
    return event.fail(statusOfError(saved.error.code), {
      message: saved.error.detail,
      fieldErrors: saleFieldErrors((saved.error.meta?.errors ?? []) as { path?: string; message?: string }[]),
    });
  throw event.redirect(303, `/admin/promotions/sales/${saved.value.id}?saved=1`);
}, zod$(SaleFormFields));

export default component$(() => {
  const data = useNewSale();
  const create = useCreateSale();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>New sale</h1>
          <p class="adm-lede">
            <a href="/admin/promotions/sales">All sales</a>
          </p>
        </div>
      </div>
      <SaleForm
        action={create}
        values={{ ...data.value.defaults, active: 'on' }}
        categories={data.value.categories}
        submitLabel="Create sale"
      />
    </>
  );
});

export const head: DocumentHead = { title: 'New sale' };
