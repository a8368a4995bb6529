/** A banner inside a page (a category page's offer): title, text, an optional image and link; text is never markup. */
import { component$ } from '@builder.io/qwik';
import type { ShopBanner } from '@worker/services/content/shop-content';

export const ContentBanner = component$<{ banner: ShopBanner }>(({ banner }) => (
  <aside class="promo content-banner" aria-label={banner.title} data-banner={banner.id}>
    {banner.imageUrl && (
      <img
        class="content-banner-image"
        src={banner.imageUrl}
        alt={banner.imageAlt}
        width={96}
        height={96}
        loading="lazy"
      />
    )}
    <div>
      <strong>{banner.title}</strong>
      {banner.body && <p>{banner.body}</p>}
      {banner.linkUrl && (
        <a href={banner.linkUrl}>
          Shop the offer<span class="visually-hidden">: {banner.title}</span>
        </a>
      )}
    </div>
  </aside>
));
