/** A new promotion: the editor's form; saving needs promotions:write (checked again in the action), then its page. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { createPromotion } from '@worker/services/promotions/admin';
import { PromotionForm } from '~/components/admin/promotion-form/PromotionForm';
import { PROMOTIONS_NOT_ALLOWED, promotionsPageContext } from '~/lib/admin-promotions';
import { staffWith } from '~/lib/admin-session';
import { fieldErrorsOf, promotionFromForm } from '~/lib/promotion-form';
import { PromotionFormFields } from '~/lib/promotion-form-fields';
import { NEW_PROMOTION_VALUES } from '~/lib/promotion-form-values';

export const useNewPromotion = routeLoader$((event) => ({ currency: event.platform.env.SHOP_CURRENCY }));

export const useCreatePromotion = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'promotions:write');
  if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
  const input = promotionFromForm(fields, event.platform.env.SHOP_CURRENCY);
  if (!input.ok)
    return event.fail(400, {
      message: input.fieldErrors.form ?? 'Please check the promotion.',
      fieldErrors: input.fieldErrors,
    });
  const saved = await createPromotion(promotionsPageContext(event, actor), input.value);
  if (!saved.ok)
    return event.fail(statusOfError(saved.error.code), {
      message: saved.error.detail,
      fieldErrors: fieldErrorsOf(saved.error.meta),
    });
  throw event.redirect(303, `/admin/promotions/${saved.value.id}?saved=1`);
}, zod$(PromotionFormFields));

export default component$(() => {
  const data = useNewPromotion();
  const create = useCreatePromotion();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>New promotion</h1>
          <p class="adm-lede">
            <a href="/admin/promotions">All promotions</a>
          </p>
        </div>
      </div>
      <PromotionForm
        action={create}
        values={NEW_PROMOTION_VALUES}
        currency={data.value.currency}
        submitLabel="Create promotion"
        canWrite
      />
    </>
  );
});

export const head: DocumentHead = { title: 'New promotion' };
