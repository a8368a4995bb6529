/** A new banner: the editor's form; saving needs content:write (checked again in the action) and goes to the list. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories } from '@db/repositories/catalog-groups';
import { statusOfError } from '@domain/core/errors';
import { createBanner } from '@worker/services/content/banners';
import { BannerForm } from '~/components/admin/banner-form/BannerForm';
import { CONTENT_NOT_ALLOWED, contentPageContext } from '~/lib/admin-content';
import { staffWith } from '~/lib/admin-session';
import { bannerFromForm } from '~/lib/banner-form';
import { BannerFormFields } from '~/lib/banner-form-fields';
import { useMediaChoices } from '~/lib/media-choices';

/** The library images the image field suggests (MediaPicker). */
export { useMediaChoices };

export const useNewBanner = routeLoader$(async (event) => ({
  categories: (await listAllCategories(createDb(event.platform.env))).map(({ id, name }) => ({ id, name })),
}));

export const useCreateBanner = routeAction$(async (fields, event) => {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: CONTENT_NOT_ALLOWED });
  const input = bannerFromForm(fields);
  if (!input.ok)
    return event.fail(400, { message: 'Please check the banner.', fieldErrors: input.fieldErrors });
  const saved = await createBanner(contentPageContext(event, actor), input.value);
  if (!saved.ok) return event.fail(statusOfError(saved.error.code), { message: saved.error.detail });
  throw event.redirect(303, `/admin/content/banners/${saved.value.id}?saved=1`);
}, zod$(BannerFormFields));

export default component$(() => {
  const mediaImages = useMediaChoices().value;
  const data = useNewBanner();
  const create = useCreateBanner();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>New banner</h1>
          <p class="adm-lede">
            <a href="/admin/content/banners">All banners</a>
          </p>
        </div>
      </div>
      <BannerForm
        media={mediaImages}
        action={create}
        values={{ placement: 'announcement', audience: 'everyone', priority: '0', active: 'on' }}
        categories={data.value.categories}
        submitLabel="Create banner"
      />
    </>
  );
});

export const head: DocumentHead = { title: 'New banner' };
