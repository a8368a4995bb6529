/** The blog post editor: every field labelled, errors tied to their fields; a plain form, so it works without JavaScript. */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { type MediaChoice, MediaPicker } from '~/components/admin/media-picker/MediaPicker';
import { TextField } from '~/components/admin/text-field/TextField';
import type { PostFormValues } from '~/lib/post-form';

/** What the editor's save action answers on failure: a message, field errors and the values as submitted. */
export interface PostEditorResult {
  failed?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<keyof PostFormValues, string>>;
  values?: PostFormValues;
}

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: Qwik's ActionStore is invariant in its input type; the form posts text.
  action: ActionStore<PostEditorResult, any, true>;
  values: PostFormValues;
  submitLabel: string;
  disabled?: boolean;
  /** Library images the cover field suggests (useMediaChoices, app/lib/media-choices.ts). */
  media?: readonly MediaChoice[];
}

/** A labelled textarea with its hint and error tied to it. */
const TextArea = component$<{
  name: 'excerpt' | 'bodyMarkdown' | 'seoDescription';
  label: string;
  rows: number;
  hint: string;
  value: string;
  error?: string;
  disabled?: boolean;
}>(({ name, label, rows, hint, value, error, disabled }) => (
  <div class="adm-field">
    <label for={`post-${name}`}>{label}</label>
    <p id={`post-${name}-hint`} class="adm-hint">
      {hint}
    </p>
    <textarea
      id={`post-${name}`}
      class="adm-input"
      name={name}
      rows={rows}
      value={value}
      disabled={disabled}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `post-${name}-hint post-${name}-error` : `post-${name}-hint`}
    />
    {error && (
      <p id={`post-${name}-error`} class="adm-field-error">
        {error}
      </p>
    )}
  </div>
));

export const PostEditor = component$<Props>(({ action, values, submitLabel, disabled, media = [] }) => {
  // Read in the JSX, not into locals: Qwik then re-renders each field when the action answers (the component body
  // itself is not re-run on the client, see FormStatus).
  return (
    <Form action={action} class="adm-card adm-card-pad adm-form" aria-labelledby="post-editor-title">
      <h2 id="post-editor-title">Post</h2>
      <fieldset class="adm-stack" disabled={disabled}>
        <TextField
          id="post-title"
          name="title"
          label="Title"
          value={(action.value?.values ?? values).title}
          error={action.value?.fieldErrors?.title}
          required
          maxLength={200}
        />
        <TextField
          id="post-slug"
          name="slug"
          label="Slug (optional)"
          value={(action.value?.values ?? values).slug}
          error={action.value?.fieldErrors?.slug}
          maxLength={80}
          hint="The address: /blog/your-slug. Made from the title when left empty."
        />
        <TextField
          id="post-author"
          name="authorName"
          label="Author"
          value={(action.value?.values ?? values).authorName}
          error={action.value?.fieldErrors?.authorName}
          maxLength={120}
        />
        <TextArea
          name="excerpt"
          label="Excerpt"
          rows={2}
          hint="One or two sentences for the blog list and the feed. Plain text."
          value={(action.value?.values ?? values).excerpt}
          error={action.value?.fieldErrors?.excerpt}
          disabled={disabled}
        />
        <TextArea
          name="bodyMarkdown"
          label="Body (Markdown)"
          rows={16}
          hint="Markdown: headings, lists, links, tables, images with alt text. Scripts and raw HTML are removed."
          value={(action.value?.values ?? values).bodyMarkdown}
          error={action.value?.fieldErrors?.bodyMarkdown}
          disabled={disabled}
        />
        <TextField
          id="post-tags"
          name="tags"
          label="Tags"
          value={(action.value?.values ?? values).tags}
          error={action.value?.fieldErrors?.tags}
          hint="Separated by commas; stored in lower case (Slow Fashion → slow-fashion)."
        />
        <TextField
          id="post-products"
          name="relatedProducts"
          label="Related products"
          value={(action.value?.values ?? values).relatedProducts}
          error={action.value?.fieldErrors?.relatedProducts}
          hint="SKUs or product slugs, separated by commas, in the order to show them."
        />
        <TextField
          id="post-cover-url"
          name="coverUrl"
          label="Cover image address (optional)"
          value={(action.value?.values ?? values).coverUrl}
          error={action.value?.fieldErrors?.coverUrl}
          maxLength={500}
          list="post-cover-media"
          hint="An image on this shop: pick one from the media library's suggestions, or a path such as /media/products/…"
        />
        <MediaPicker id="post-cover-media" images={media} />
        <TextField
          id="post-cover-alt"
          name="coverAlt"
          label="Cover image description (alt text)"
          value={(action.value?.values ?? values).coverAlt}
          error={action.value?.fieldErrors?.coverAlt}
          maxLength={300}
          hint="Required with a cover: what the picture shows, for people who cannot see it."
        />
        <div class="adm-field">
          <label for="post-status">Status</label>
          <select
            id="post-status"
            name="status"
            class="adm-input"
            value={(action.value?.values ?? values).status}
          >
            <option value="draft" selected={(action.value?.values ?? values).status === 'draft'}>
              Draft (not shown in the shop)
            </option>
            <option value="published" selected={(action.value?.values ?? values).status === 'published'}>
              Published (shown from the publish date)
            </option>
          </select>
        </div>
        <div class="adm-field">
          <label for="post-published-at">Publish date and time (UTC)</label>
          <p id="post-published-at-hint" class="adm-hint">
            Empty: now, when published. A future date schedules the post.
          </p>
          <input
            id="post-published-at"
            class="adm-input"
            type="datetime-local"
            name="publishedAt"
            value={(action.value?.values ?? values).publishedAt}
            aria-invalid={action.value?.fieldErrors?.publishedAt ? 'true' : undefined}
            aria-describedby={
              action.value?.fieldErrors?.publishedAt
                ? 'post-published-at-hint post-published-at-error'
                : 'post-published-at-hint'
            }
          />
          {action.value?.fieldErrors?.publishedAt && (
            <p id="post-published-at-error" class="adm-field-error">
              {action.value?.fieldErrors?.publishedAt}
            </p>
          )}
        </div>
        <TextField
          id="post-seo-title"
          name="seoTitle"
          label="SEO title (optional)"
          value={(action.value?.values ?? values).seoTitle}
          error={action.value?.fieldErrors?.seoTitle}
          maxLength={120}
        />
        <TextArea
          name="seoDescription"
          label="SEO description (optional)"
          rows={2}
          hint="For search results; the excerpt is used when empty."
          value={(action.value?.values ?? values).seoDescription}
          error={action.value?.fieldErrors?.seoDescription}
          disabled={disabled}
        />
      </fieldset>
      <FormStatus outcome={outcomeOf(action.value)} />
      {!disabled && (
        <button type="submit" class="adm-btn adm-btn-primary" disabled={action.isRunning}>
          {submitLabel}
        </button>
      )}
    </Form>
  );
});
