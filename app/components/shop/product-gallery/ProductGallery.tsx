/** Product images: a main image and thumbnails. Thumbnails are links (`?image=n`) so they work without JavaScript. */
import { component$, useSignal } from '@builder.io/qwik';

interface Props {
  images: { url: string; alt: string }[];
  /** The image chosen by the `image` query parameter (0-based). */
  initial: number;
}

/** The gallery; with JavaScript a thumbnail swaps the main image in place instead of reloading. */
export const ProductGallery = component$<Props>(({ images, initial }) => {
  const current = useSignal(Math.min(Math.max(0, initial), Math.max(0, images.length - 1)));
  const main = images[current.value];
  return (
    <section class="gallery" aria-label="Product images">
      <div class="gallery-main">
        {main && <img src={main.url} alt={main.alt} width={800} height={1000} loading="eager" />}
      </div>
      {images.length > 1 && (
        <ul class="gallery-thumbs">
          {images.map((img, i) => (
            <li key={img.url}>
              <a
                href={`?image=${i}`}
                aria-current={i === current.value ? 'true' : undefined}
                preventdefault:click
                onClick$={() => {
                  current.value = i;
                }}
              >
                <img src={img.url} alt={`Show view ${i + 1} of ${images.length}`} width={160} height={200} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
