/**
 * One promotion: its editor and, for code promotions, its batches of single-use codes. Seeing it needs
 * promotions:read; every action checks promotions:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { CodeBatchInput } from '@domain/pricing/promotions/code-batch';
import {
  deactivateCodeBatch,
  generateCodeBatch,
  getAdminPromotion,
  listCodeBatches,
  updatePromotion,
} from '@worker/services/promotions/admin';
import { CodeBatches } from '~/components/admin/code-batches/CodeBatches';
import { PromotionForm } from '~/components/admin/promotion-form/PromotionForm';
import { PROMOTIONS_NOT_ALLOWED, promotionsPageContext } from '~/lib/admin-promotions';
import { staffWith } from '~/lib/admin-session';
import { fieldErrorsOf, promotionFromForm } from '~/lib/promotion-form';
import { PromotionFormFields } from '~/lib/promotion-form-fields';
import { promotionFormValues } from '~/lib/promotion-form-values';
import { describeUses, PROMOTION_STATUS_BADGES, promotionStatus } from '~/lib/promotion-words';
import { pageStaff } from '~/lib/session';

function noticeOf(params: URLSearchParams): string | undefined {
  if (params.get('saved')) return 'Promotion saved.';
  const generated = Number(params.get('generated'));
  if (generated > 0) return `${generated.toLocaleString('en-US')} codes generated.`;
  if (params.get('deactivated')) return 'Batch deactivated: its codes no longer work.';
  return undefined;
}

export const usePromotion = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const db = createDb(event.platform.env);
  const id = event.params.id ?? '';
  const now = Date.now();
  const promotion = await getAdminPromotion(db, id, now);
  if (!promotion) {
    event.status(404);
    return null;
  }
  return {
    id: promotion.id,
    name: promotion.name,
    status: promotionStatus(promotion, now),
    uses: describeUses(promotion.uses, promotion.usageLimit),
    takesCodes: promotion.trigger.kind === 'code',
    values: promotionFormValues(promotion),
    batches: (await listCodeBatches(db, id)) ?? [],
    currency: event.platform.env.SHOP_CURRENCY,
    canWrite: !!me && can(me.roles, 'promotions:write'),
    notice: noticeOf(event.url.searchParams),
  };
});

export const useUpdatePromotion = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'promotions:write');
  if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
  const input = promotionFromForm(fields, event.platform.env.SHOP_CURRENCY);
  if (!input.ok)
    return event.fail(400, {
      message: input.fieldErrors.form ?? 'Please check the promotion.',
      fieldErrors: input.fieldErrors,
    });
  const saved = await updatePromotion(
    promotionsPageContext(event, actor),
    event.params.id ?? '',
    input.value,
  );
  if (!saved.ok)
    return event.fail(statusOfError(saved.error.code), {
      message: saved.error.detail,
      fieldErrors: fieldErrorsOf(saved.error.meta),
    });
  throw event.redirect(303, `/admin/promotions/${saved.value.id}?saved=1`);
}, zod$(PromotionFormFields));

export const useGenerateCodes = routeAction$(
  async (fields, event) => {
    const actor = await staffWith(event, 'promotions:write');
    if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
    const quantity = /^\d{1,6}$/.test(fields.quantity.trim()) ? Number(fields.quantity) : Number.NaN;
    const parsed = CodeBatchInput.safeParse({ quantity, prefix: fields.prefix ?? '' });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'prefix' ? 'prefix' : 'quantity';
      const message =
        field === 'quantity' && Number.isNaN(quantity)
          ? 'Enter a whole number from 1 to 10,000.'
          : (issue?.message ?? 'Check the form.');
      return event.fail(400, { message, fieldErrors: { [field]: message } });
    }
    const id = event.params.id ?? '';
    const done = await generateCodeBatch(promotionsPageContext(event, actor), id, parsed.data);
    if (!done.ok) return event.fail(statusOfError(done.error.code), { message: done.error.detail });
    throw event.redirect(303, `/admin/promotions/${id}?generated=${done.value.created}#code-batches`);
  },
  zod$({ quantity: z.string().max(12), prefix: z.string().max(40).optional() }),
);

export const useDeactivateBatch = routeAction$(
  async ({ batchId }, event) => {
    const actor = await staffWith(event, 'promotions:write');
    if (!actor) return event.fail(403, { message: PROMOTIONS_NOT_ALLOWED });
    const id = event.params.id ?? '';
    const done = await deactivateCodeBatch(promotionsPageContext(event, actor), id, batchId);
    if (!done.ok) return event.fail(statusOfError(done.error.code), { message: done.error.detail });
    throw event.redirect(303, `/admin/promotions/${id}?deactivated=1#code-batches`);
  },
  zod$({ batchId: z.string().max(60) }),
);

export default component$(() => {
  const data = usePromotion().value;
  const update = useUpdatePromotion();
  const generate = useGenerateCodes();
  const deactivate = useDeactivateBatch();
  if (!data)
    return (
      <>
        <h1>Promotion not found</h1>
        <p>
          <a href="/admin/promotions">All promotions</a>
        </p>
      </>
    );
  const [statusLabel, statusBadge] = PROMOTION_STATUS_BADGES[data.status];
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{data.name}</h1>
          <p class="adm-lede">
            <span class={['adm-badge', statusBadge]}>{statusLabel}</span> Uses: {data.uses} ·{' '}
            <a href="/admin/promotions">All promotions</a>
          </p>
        </div>
      </div>
      {data.notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {data.notice}
        </p>
      )}
      {data.takesCodes && (
        <CodeBatches
          promotionId={data.id}
          batches={data.batches}
          canWrite={data.canWrite}
          generate={generate}
          deactivate={deactivate}
        />
      )}
      <PromotionForm
        action={update}
        values={data.values}
        currency={data.currency}
        submitLabel="Save promotion"
        canWrite={data.canWrite}
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({
  title: resolveValue(usePromotion)?.name ?? 'Promotion',
});
