/**
 * Product images: a swipeable strip of every photo (scroll snap) with thumbnails that jump to one. Works without
 * JavaScript (thumbnails are in-page links); with it a thumbnail, or a variant with its own image, scrolls the strip
 * sideways without moving the page.
 */
import { component$, isBrowser, type Signal, useSignal, useTask$ } from '@builder.io/qwik';
import type { ProductImage } from '@db/repositories/catalog';

interface Props {
  images: ProductImage[];
  /** The image to show (0-based); the page points it at the chosen variant's image. */
  current: Signal<number>;
}

// Demo and legacy images without a recorded size get the catalog's 4:5 so the page still reserves their space.
const FALLBACK = { width: 800, height: 1000 };

/** The gallery: the first photo loads eagerly with high priority (it is the LCP element), the rest lazily. */
export const ProductGallery = component$<Props>(({ images, current }) => {
  const track = useSignal<HTMLElement>();
  useTask$(({ track: watch }) => {
    const index = watch(() => current.value);
    if (!isBrowser || !track.value) return;
    const slide = track.value.children[index] as HTMLElement | undefined;
    if (slide) track.value.scrollTo({ left: slide.offsetLeft - track.value.offsetLeft, behavior: 'smooth' });
  });
  return (
    <section class="gallery" aria-label="Product images">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling strip must be reachable by keyboard to scroll it with the arrow keys (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <ul class="gallery-track" ref={track} tabIndex={0} aria-label="Photos, scroll sideways for more">
        {images.map((img, i) => (
          <li key={img.id} id={`image-${i + 1}`} class="gallery-slide">
            <img
              src={img.url}
              alt={img.alt}
              width={img.width ?? FALLBACK.width}
              height={img.height ?? FALLBACK.height}
              loading={i === 0 ? 'eager' : 'lazy'}
              fetchPriority={i === 0 ? 'high' : undefined}
              decoding={i === 0 ? undefined : 'async'}
            />
          </li>
        ))}
      </ul>
      {images.length > 1 && (
        <ul class="gallery-thumbs">
          {images.map((img, i) => (
            <li key={img.id}>
              <a
                href={`#image-${i + 1}`}
                aria-label={`Show image ${i + 1} of ${images.length}: ${img.alt}`}
                aria-current={i === current.value ? 'true' : undefined}
                preventdefault:click
                onClick$={() => {
                  current.value = i;
                }}
              >
                <img
                  src={img.url}
                  alt=""
                  width={img.width ?? FALLBACK.width}
                  height={img.height ?? FALLBACK.height}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
