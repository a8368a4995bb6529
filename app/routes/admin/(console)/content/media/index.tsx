/**
 * The media library: upload an image with its alt text, and the images newest first (search by file name or alt),
 * each with its address to copy into a post, banner or page, its alt text editor and Delete. Reading needs
 * content:read (the layout's guard); every change content:write, checked again in each action.
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import { type DocumentHead, routeAction$, routeLoader$, zod$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { can } from '@domain/identity/permissions';
import { listMediaPage } from '@worker/services/content/media';
import { MediaCard } from '~/components/admin/media-library/MediaCard';
import { MediaUploadForm } from '~/components/admin/media-library/MediaUploadForm';
import styles from '~/components/admin/media-library/media-library.css?inline';
import { pageParam } from '~/lib/admin-format';
import {
  deleteMediaAction,
  MediaAltFields,
  MediaDeleteFields,
  MediaUploadFields,
  setMediaAltAction,
  uploadMediaAction,
} from '~/lib/media-library';
import { pageStaff } from '~/lib/session';

export const useMediaLibrary = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const page = pageParam(event.url.searchParams.get('page'));
  const result = await listMediaPage(createDb(event.platform.env), { q, page });
  const params = event.url.searchParams;
  return {
    ...result,
    q,
    pageCount: Math.max(1, Math.ceil(result.total / result.pageSize)),
    canWrite: !!me && can(me.roles, 'content:write'),
    uploaded: params.get('uploaded') ?? undefined,
    saved: params.get('saved') ?? undefined,
    deleted: params.has('deleted'),
  };
});

export const useUploadMedia = routeAction$(uploadMediaAction, zod$(MediaUploadFields));
export const useSetMediaAlt = routeAction$(setMediaAltAction, zod$(MediaAltFields));
export const useDeleteMedia = routeAction$(deleteMediaAction, zod$(MediaDeleteFields));

function pageHref(q: string, page: number): string {
  return `/admin/content/media?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
}

export default component$(() => {
  useStyles$(styles);
  const data = useMediaLibrary().value;
  const upload = useUploadMedia();
  const setAlt = useSetMediaAlt();
  const remove = useDeleteMedia();
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Media</h1>
          <p class="adm-lede">
            Images to reuse in blog posts, banners and pages. Copy an image’s address into their image fields.
          </p>
        </div>
      </div>
      {data.deleted && (
        <p class="adm-alert adm-alert-ok adm-media-search" role="status">
          Image deleted.
        </p>
      )}
      {data.canWrite && <MediaUploadForm action={upload} />}
      <form method="get" action="/admin/content/media" class="adm-toolbar adm-media-search">
        <div class="adm-field adm-field-grow">
          <label for="media-q">Search by file name or alt text</label>
          <input id="media-q" name="q" type="search" class="adm-input" value={data.q} maxLength={100} />
        </div>
        <button type="submit" class="adm-btn adm-btn-secondary">
          Search
        </button>
      </form>
      <section aria-labelledby="media-grid-title">
        <h2 id="media-grid-title" class="visually-hidden">
          Images
        </h2>
        {data.items.length === 0 ? (
          <div class="adm-card">
            {data.total > 0 && !data.q ? (
              <>
                <h2>No images on this page</h2>
                <p>
                  <a href="/admin/content/media">Go to the first page</a>
                </p>
              </>
            ) : (
              <>
                <h2>{data.q ? 'No images match' : 'No images yet'}</h2>
                <p>{data.q ? 'Try another word.' : 'Upload an image above to reuse it across the shop.'}</p>
              </>
            )}
          </div>
        ) : (
          <ul class="adm-media-grid">
            {data.items.map((m) => (
              <MediaCard
                key={m.id}
                item={m}
                canWrite={data.canWrite}
                altAction={setAlt}
                deleteAction={remove}
                highlight={
                  data.uploaded === m.id ? 'Uploaded.' : data.saved === m.id ? 'Alt text saved.' : undefined
                }
              />
            ))}
          </ul>
        )}
        {data.pageCount > 1 && (
          <nav class="adm-pager" aria-label="Pages of images">
            {data.page > 1 && (
              <a class="adm-btn adm-btn-secondary adm-btn-sm" href={pageHref(data.q, data.page - 1)}>
                Previous page
              </a>
            )}
            <span class="adm-muted">
              Page {data.page} of {data.pageCount}
            </span>
            {data.page < data.pageCount && (
              <a class="adm-btn adm-btn-secondary adm-btn-sm" href={pageHref(data.q, data.page + 1)}>
                Next page
              </a>
            )}
          </nav>
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Media' };
