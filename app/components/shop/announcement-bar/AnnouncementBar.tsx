/** The bar above every shop page: the announcement banner live now (text only; its link, when it has one). */
import { component$ } from '@builder.io/qwik';
import type { ShopBanner } from '@worker/services/content/shop-content';

export const AnnouncementBar = component$<{ banner: ShopBanner | undefined }>(({ banner }) =>
  banner ? (
    <aside class="announcement-bar" aria-label="Announcement" data-banner={banner.id}>
      <div class="container">
        <strong>{banner.title}</strong>
        {banner.body && <span> {banner.body}</span>}
        {banner.linkUrl && (
          <a href={banner.linkUrl}>
            Find out more<span class="visually-hidden">: {banner.title}</span>
          </a>
        )}
      </div>
    </aside>
  ) : null,
);
