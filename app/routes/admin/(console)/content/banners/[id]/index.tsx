/** One banner in the editor: change it or delete it (content:write, checked again in each action). */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findBanner } from '@db/repositories/banners';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { bannerState } from '@domain/content/banners';
import { statusOfError } from '@domain/core/errors';
import { deleteBanner, updateBanner } from '@worker/services/content/banners';
import { BannerForm } from '~/components/admin/banner-form/BannerForm';
import { CONTENT_NOT_ALLOWED, contentPageContext } from '~/lib/admin-content';
import { staffWith } from '~/lib/admin-session';
import { bannerFromForm, STATE_BADGES, utcInput } from '~/lib/banner-form';
import { BannerFormFields } from '~/lib/banner-form-fields';
import { useMediaChoices } from '~/lib/media-choices';

/** The library images the image field suggests (MediaPicker). */
export { useMediaChoices };

export const useBanner = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const banner = await findBanner(db, event.params.id ?? '');
  if (!banner) {
    event.status(404);
    return null;
  }
  return {
    id: banner.id,
    title: banner.title,
    state: bannerState(banner, Date.now()),
    values: {
      placement: banner.placement,
      categoryId: banner.categoryId ?? '',
      audience: banner.audience,
      title: banner.title,
      body: banner.body,
      linkUrl: banner.linkUrl ?? '',
      imageUrl: banner.imageUrl ?? '',
      imageAlt: banner.imageAlt,
      startsAt: utcInput(banner.startsAt),
      endsAt: utcInput(banner.endsAt),
      priority: String(banner.priority),
      active: banner.active ? 'on' : '',
    },
    categories: (await listAllCategories(db)).map(({ id, name }) => ({ id, name })),
    notice: event.url.searchParams.get('saved') ? 'Banner saved.' : undefined,
  };
});

export const useUpdateBanner = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const input = bannerFromForm(fields);
  if (!input.ok)
    return event.fail(400, { message: 'Please check the banner.', fieldErrors: input.fieldErrors });
  const saved = await updateBanner(contentPageContext(event, actor), event.params.id ?? '', input.value);
  if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
  throw event.redirect(303, `/admin/content/banners/${saved.value.id}?saved=1`);
}, zod$(BannerFormFields));

export const useDeleteBanner = routeAction$(async (_, event) => {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const deleted = await deleteBanner(contentPageContext(event, actor), event.params.id ?? '');
  if (!deleted.ok) return event.fail(statusOfError(deleted.error.code), { message: deleted.error.detail });
  throw event.redirect(303, '/admin/content/banners?deleted=1');
});

export default component$(() => {
  const mediaImages = useMediaChoices().value;
  const data = useBanner().value;
  const update = useUpdateBanner();
  const remove = useDeleteBanner();
  if (!data)
    return (
      <>
        <h1>Banner not found</h1>
        <p>
          <a href="/admin/content/banners">All banners</a>
        </p>
      </>
    );
  const [stateLabel, stateBadge] = STATE_BADGES[data.state];
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{data.title}</h1>
          <p class="adm-lede">
            <span class={['adm-badge', stateBadge]}>{stateLabel}</span>{' '}
            <a href="/admin/content/banners">All banners</a>
          </p>
        </div>
        <Form action={remove}>
          <button type="submit" class="adm-btn adm-btn-danger-ghost">
            Delete banner
          </button>
        </Form>
      </div>
      {data.notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {data.notice}
        </p>
      )}
      <BannerForm
        media={mediaImages}
        action={update}
        values={data.values}
        categories={data.categories}
        submitLabel="Save banner"
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({
  title: resolveValue(useBanner)?.title ?? 'Banner',
});
