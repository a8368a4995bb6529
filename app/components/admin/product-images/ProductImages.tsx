/** A product's images on the edit page: upload (file + alt), and per image its thumbnail, alt text, order and delete. */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import { FormStatus } from '~/components/admin/form-status/FormStatus';

interface Image {
  id: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: the page's routeAction$ store.
  action: ActionStore<any, any, true>;
  images: Image[];
  ok?: string | undefined;
  error?: string | undefined;
}

export const ProductImages = component$<Props>(({ action, images, ok, error }) => {
  return (
    <section class="adm-card adm-card-pad adm-form adm-images-card" aria-labelledby="images-title">
      <h2 id="images-title">Images</h2>
      <FormStatus ok={ok} error={error} />
      {images.length === 0 ? (
        <p class="adm-muted">No images yet.</p>
      ) : (
        <ol class="adm-image-list">
          {images.map((img, i) => (
            <li key={img.id} class="adm-image-row">
              <img
                src={img.url}
                alt={img.alt}
                width={img.width ?? 96}
                height={img.height ?? 96}
                loading="lazy"
                class="adm-thumb"
              />
              <div class="adm-image-main">
                <p class="adm-muted">
                  Image {i + 1}
                  {img.width ? ` · ${img.width}×${img.height} px` : ''}
                </p>
                <Form action={action} class="adm-row-actions">
                  <input type="hidden" name="op" value="alt" />
                  <input type="hidden" name="imageId" value={img.id} />
                  <label for={`alt-${img.id}`}>Alt text</label>
                  <input id={`alt-${img.id}`} name="alt" class="adm-input" value={img.alt} maxLength={300} />
                  <button type="submit" class="adm-btn adm-btn-secondary adm-btn-sm">
                    Save alt text<span class="visually-hidden"> of image {i + 1}</span>
                  </button>
                </Form>
                <Form action={action} class="adm-row-actions">
                  <input type="hidden" name="imageId" value={img.id} />
                  <button
                    type="submit"
                    name="op"
                    value="up"
                    class="adm-btn adm-btn-ghost adm-btn-sm"
                    disabled={i === 0}
                  >
                    Move up<span class="visually-hidden"> image {i + 1}</span>
                  </button>
                  <button
                    type="submit"
                    name="op"
                    value="down"
                    class="adm-btn adm-btn-ghost adm-btn-sm"
                    disabled={i === images.length - 1}
                  >
                    Move down<span class="visually-hidden"> image {i + 1}</span>
                  </button>
                  <button
                    type="submit"
                    name="op"
                    value="delete"
                    class="adm-btn adm-btn-danger-ghost adm-btn-sm"
                  >
                    Delete<span class="visually-hidden"> image {i + 1}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Form action={action} enctype="multipart/form-data" class="adm-form">
        <h3>Upload an image</h3>
        <input type="hidden" name="op" value="upload" />
        <div class="adm-field">
          <label for="image-file">Image file (JPEG, PNG, WebP, AVIF or GIF, up to 5 MB)</label>
          <input id="image-file" name="file" type="file" accept="image/*" required class="adm-input" />
        </div>
        <div class="adm-field">
          <label for="image-alt">Alt text</label>
          <input id="image-alt" name="alt" class="adm-input" maxLength={300} />
        </div>
        <div>
          <button type="submit" class="adm-btn adm-btn-secondary">
            Upload image
          </button>
        </div>
      </Form>
    </section>
  );
});
