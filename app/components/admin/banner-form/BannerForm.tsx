/** The banner editor's fields (new and existing banners): every control labelled, errors tied to their field. */
import { component$, Slot } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { BANNER_PLACEMENTS } from '@domain/content/banners';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { type MediaChoice, MediaPicker } from '~/components/admin/media-picker/MediaPicker';
import { TextField } from '~/components/admin/text-field/TextField';
import { type BannerFormValues, PLACEMENT_LABELS } from '~/lib/banner-form';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the new and edit pages' actions differ only in their success value.
  action: ActionStore<any, any, true>;
  values: BannerFormValues;
  categories: { id: string; name: string }[];
  submitLabel: string;
  /** Library images the image field suggests (useMediaChoices, app/lib/media-choices.ts). */
  media?: readonly MediaChoice[];
}

/**
 * The form posts as a document (`reloadDocument`), with or without JavaScript: the server renders the answer with the
 * posted values and every field's error in place (a client-side re-render would reset the typed values).
 */
export const BannerForm = component$<Props>(({ action, values, categories, submitLabel, media = [] }) => {
  const v = {
    ...values,
    ...((action.value?.failed && action.formData && Object.fromEntries(action.formData)) || {}),
  };
  return (
    <Form action={action} reloadDocument class="adm-card adm-card-pad adm-form">
      <div class="adm-field">
        <label for="banner-placement">Placement</label>
        <select id="banner-placement" class="adm-input" name="placement">
          {BANNER_PLACEMENTS.map((p) => (
            <option key={p} value={p} selected={v.placement === p}>
              {PLACEMENT_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div class="adm-field">
        <label for="banner-category">Category (category page banners only)</label>
        <select
          id="banner-category"
          class="adm-input"
          name="categoryId"
          aria-invalid={action.value?.fieldErrors?.categoryId ? 'true' : undefined}
          aria-describedby={action.value?.fieldErrors?.categoryId ? 'banner-category-error' : undefined}
        >
          <option value="">Every category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id} selected={v.categoryId === c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {action.value?.fieldErrors?.categoryId && (
          <p id="banner-category-error" class="adm-field-error">
            {action.value?.fieldErrors?.categoryId}
          </p>
        )}
      </div>
      <div class="adm-field">
        <label for="banner-audience">Audience</label>
        <select
          id="banner-audience"
          class="adm-input"
          name="audience"
          aria-describedby="banner-audience-hint"
        >
          <option value="everyone" selected={v.audience !== 'signed-in'}>
            Everyone
          </option>
          <option value="signed-in" selected={v.audience === 'signed-in'}>
            Signed-in customers
          </option>
        </select>
        <p id="banner-audience-hint" class="adm-hint">
          Signed-in banners show in the announcement bar of the account, cart and checkout pages only (other
          pages are shared by every shopper).
        </p>
      </div>
      <TextField
        id="banner-title"
        name="title"
        label="Title"
        value={v.title}
        error={action.value?.fieldErrors?.title}
        required
        maxLength={120}
      />
      <TextField
        id="banner-body"
        name="body"
        label="Text (optional)"
        value={v.body}
        error={action.value?.fieldErrors?.body}
        maxLength={400}
      />
      <TextField
        id="banner-link"
        name="linkUrl"
        label="Link (optional)"
        hint="A path on this shop, such as /c/knitwear, or an https:// address."
        value={v.linkUrl}
        error={action.value?.fieldErrors?.linkUrl}
        maxLength={500}
      />
      <TextField
        id="banner-image"
        name="imageUrl"
        label="Image address (optional)"
        hint="Pick an image from the media library's suggestions, or type its address."
        value={v.imageUrl}
        error={action.value?.fieldErrors?.imageUrl}
        maxLength={500}
        list="banner-image-media"
      />
      <MediaPicker id="banner-image-media" images={media} />
      <TextField
        id="banner-alt"
        name="imageAlt"
        label="Image description (alt text, required with an image)"
        value={v.imageAlt}
        error={action.value?.fieldErrors?.imageAlt}
        maxLength={200}
      />
      <TextField
        id="banner-starts"
        name="startsAt"
        type="datetime-local"
        label="Starts (UTC, optional)"
        hint="Shown from this moment; empty: at once."
        value={v.startsAt}
        error={action.value?.fieldErrors?.startsAt}
      />
      <TextField
        id="banner-ends"
        name="endsAt"
        type="datetime-local"
        label="Ends (UTC, optional)"
        hint="Hidden from this moment; empty: never."
        value={v.endsAt}
        error={action.value?.fieldErrors?.endsAt}
      />
      <TextField
        id="banner-priority"
        name="priority"
        type="number"
        label="Priority"
        hint="When several banners are live in one place, the highest priority shows first."
        value={v.priority}
        error={action.value?.fieldErrors?.priority}
      />
      <label class="adm-check">
        <input type="checkbox" name="active" checked={v.active === 'on'} /> Active
      </label>
      <FormStatus outcome={outcomeOf(action.value)} />
      <div class="adm-actions">
        <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
          {submitLabel}
        </button>
        <Slot />
      </div>
    </Form>
  );
});
