/** One sale in the editor: change it, or deactivate it (promotions:write, checked again in each action). */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { findSale, saleOf } from '@db/repositories/sales';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { saleState } from '@domain/pricing/promotions/sale-price';
import { updateSale } from '@worker/services/promotions/sales-admin';
import { SaleForm } from '~/components/admin/sale-form/SaleForm';
import { PROMOTIONS_NOT_ALLOWED, promotionsPageContext } from '~/lib/admin-promotions';
import { staffWith } from '~/lib/admin-session';
import { SALE_STATE_BADGES, saleFieldErrors, saleFormValues, saleFromForm } from '~/lib/sale-form';
import { SaleFormFields } from '~/lib/sale-form-fields';
import { pageStaff } from '~/lib/session';

export const useSale = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const [sale, categories, me] = await Promise.all([
    findSale(db, event.params.id ?? ''),
    listAllCategories(db),
    pageStaff(event),
  ]);
  if (!sale) {
    event.status(404);
    return null;
  }
  return {
    name: sale.name,
    active: sale.active,
    state: saleState(sale, Date.now()),
    values: saleFormValues(saleOf(sale)),
    categories: categories.map(({ id, name }) => ({ id, name })),
    canWrite: !!me && can(me.principal.roles, 'promotions:write'),
    notice: event.url.searchParams.get('saved') ? 'Sale saved.' : undefined,
  };
});

export const useUpdateSale = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'promotions:write');
  if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
  const input = saleFromForm(fields);
  if (!input.ok)
    return event.fail(400, { message: 'Please check the sale.', fieldErrors: input.fieldErrors });
  const saved = await updateSale(promotionsPageContext(event, actor), event.params.id ?? '', input.value);
  if (!saved.ok)
    return event.fail(statusOfError(saved.error.code), {
      message: saved.error.detail,
      fieldErrors: saleFieldErrors((saved.error.meta?.errors ?? []) as { path?: string; message?: string }[]),
    });
  throw event.redirect(303, `/admin/promotions/sales/${saved.value.id}?saved=1`);
}, zod$(SaleFormFields));

export const useDeactivateSale = routeAction$(async (_, event) => {
  const actor = await staffWith(event, 'promotions:write');
  if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
  const done = await updateSale(promotionsPageContext(event, actor), event.params.id ?? '', {
    active: false,
  });
  if (!done.ok) return event.fail(statusOfError(done.error.code), { message: done.error.detail });
  throw event.redirect(303, '/admin/promotions/sales?deactivated=1');
});

export default component$(() => {
  const data = useSale().value;
  const update = useUpdateSale();
  const deactivate = useDeactivateSale();
  if (!data)
    return (
      <>
        <h1>Sale not found</h1>
        <p>
          <a href="/admin/promotions/sales">All sales</a>
        </p>
      </>
    );
  const [stateLabel, stateBadge] = SALE_STATE_BADGES[data.state];
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{data.name}</h1>
          <p class="adm-lede">
            <span class={['adm-badge', stateBadge]}>{stateLabel}</span>{' '}
            <a href="/admin/promotions/sales">All sales</a>
          </p>
        </div>
        {data.canWrite && data.active && (
          <Form action={deactivate} reloadDocument>
            <button type="submit" class="adm-btn adm-btn-danger-ghost">
              Deactivate sale
            </button>
          </Form>
        )}
      </div>
      {data.notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {data.notice}
        </p>
      )}
      {deactivate.value?.failed && (
        <p class="adm-alert adm-alert-error" role="alert">
          {deactivate.value.message}
        </p>
      )}
      <SaleForm action={update} values={data.values} categories={data.categories} submitLabel="Save sale" />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({ title: resolveValue(useSale)?.name ?? 'Sale' });
