/**
 * Returns settings: how many days after delivery (or the last parcel, when an order was never marked delivered) a
 * customer may start a return. Viewing needs settings:read; saving checks settings:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { returnWindowDays, updateReturnWindow } from '@worker/services/orders/returns';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';
import { pageStaff } from '~/lib/session';

export const useReturnSettings = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  return {
    days: await returnWindowDays(createDb(event.platform.env)),
    canWrite: !!me && can(me.roles, 'settings:write'),
    notice: event.url.searchParams.get('saved')
      ? 'Return window saved. It applies to every order from now on.'
      : undefined,
  };
});

export const useSaveReturnWindow = routeAction$(
  async (input, event) => {
    const actor = await staffWith(event, 'settings:write');
    if (!actor) return event.fail(403, { message: 'Your roles do not allow changing settings.' });
    const days = /^\d{1,3}$/.test(input.days.trim()) ? Number(input.days) : Number.NaN;
    const saved = await updateReturnWindow(ordersPageContext(event, actor), days);
    if (!saved.ok)
      return event.fail(statusOfError(saved.error.code), {
        message: saved.error.detail,
        fieldErrors: { days: saved.error.detail },
      });
    throw event.redirect(303, `${event.url.pathname}?saved=window`);
  },
  zod$({ days: z.string().max(10) }),
);

export default component$(() => {
  const data = useReturnSettings();
  const save = useSaveReturnWindow();
  const { days, canWrite, notice } = data.value;
  const error = save.value?.failed ? save.value.fieldErrors?.days : undefined;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Returns</h1>
          <p class="adm-lede">
            Customers start returns from their order page; staff approve and receive them on the order.
          </p>
        </div>
      </div>
      <Form action={save} class="adm-card adm-card-pad adm-form" aria-labelledby="window-title">
        <h2 id="window-title">Return window</h2>
        <div class="adm-field">
          <label for="return-days">Days after delivery a customer may start a return</label>
          <input
            id="return-days"
            class="adm-input"
            name="days"
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            value={String(days)}
            disabled={!canWrite}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'return-days-error' : 'return-days-hint'}
          />
          {error ? (
            <p class="adm-field-error" id="return-days-error">
              {error}
            </p>
          ) : (
            <p class="adm-hint" id="return-days-hint">
              Counted from delivery, or from the last parcel when an order was never marked delivered. 0 turns
              returns off.
            </p>
          )}
        </div>
        <FormStatus ok={notice} outcome={outcomeOf(save.value)} />
        {canWrite && (
          <button type="submit" class="adm-btn adm-btn-primary" disabled={save.isRunning}>
            Save return window
          </button>
        )}
      </Form>
    </>
  );
});

export const head: DocumentHead = { title: 'Returns' };
