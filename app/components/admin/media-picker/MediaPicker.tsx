/**
 * Library images offered to an image address field: a `<datalist>` whose options are the images' URLs, labelled with
 * their alt text. The browser shows them as suggestions on any text input that names the list, and the field stays a
 * plain text input (any own-origin path still works, nothing needs JavaScript). Choosing an image does not fill the
 * alt field: each place says what the image shows there, and its own "alt required" rule still applies.
 *
 * Usage: load the choices with `useMediaChoices` (app/lib/media-choices.ts, re-exported from the route file), then
 * `<MediaPicker id="cover-media" images={choices.value} />` and `<TextField … list="cover-media" />`.
 */
import { component$ } from '@builder.io/qwik';

/** One library image: its URL (`/media/library/…`) and alt text. */
export interface MediaChoice {
  url: string;
  alt: string;
}

export interface MediaPickerProps {
  /** The datalist's id: the image URL input names it in its `list` attribute. Unique in the page. */
  id: string;
  /** The images to suggest, in the order to show them (listMediaChoices: newest first). */
  images: readonly MediaChoice[];
}

export const MediaPicker = component$<MediaPickerProps>(({ id, images }) => (
  <datalist id={id}>
    {images.map((m) => (
      <option key={m.url} value={m.url} label={m.alt} />
    ))}
  </datalist>
));
