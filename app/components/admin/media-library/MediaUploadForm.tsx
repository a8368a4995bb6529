/**
 * The library's upload form: a labelled file input, the required alt text and Upload. It posts as a document
 * (multipart), so it works without JavaScript; the server answers with each field's error in place and the alt text
 * as typed (a browser never keeps a chosen file across a page load, so the hint says to choose it again).
 */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { TextField } from '~/components/admin/text-field/TextField';
import type { MediaActionFailure } from '~/lib/media-library';

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the page's routeAction$ store; the form posts text and a file.
  action: ActionStore<any, any, any>;
}

export const MediaUploadForm = component$<Props>(({ action }) => {
  const failed = action.value as MediaActionFailure | undefined;
  const fileError = failed?.fieldErrors?.file;
  return (
    <Form
      action={action}
      reloadDocument
      enctype="multipart/form-data"
      class="adm-card adm-card-pad adm-form adm-media-upload"
      aria-labelledby="media-upload-title"
    >
      <h2 id="media-upload-title">Upload an image</h2>
      <div class="adm-media-upload-fields">
        <div class="adm-field">
          <label for="media-file">Image file</label>
          <p id="media-file-hint" class="adm-hint">
            JPEG, PNG, WebP, AVIF or GIF, up to 5 MB.
          </p>
          <input
            id="media-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
            required
            class="adm-input"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'media-file-hint media-file-error' : 'media-file-hint'}
          />
          {fileError && (
            <p id="media-file-error" class="adm-field-error">
              {fileError} Choose the file again.
            </p>
          )}
        </div>
        <TextField
          id="media-alt"
          name="alt"
          label="Alt text"
          hint="What the image shows, for people who cannot see it. Plain text, up to 300 characters."
          value={failed?.values?.alt}
          error={failed?.fieldErrors?.alt}
          required
          maxLength={300}
        />
      </div>
      <FormStatus outcome={outcomeOf(failed)} />
      <div class="adm-actions">
        <button type="submit" class="adm-btn adm-btn-primary">
          Upload
        </button>
      </div>
    </Form>
  );
});
