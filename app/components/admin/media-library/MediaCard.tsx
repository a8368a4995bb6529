/**
 * One library image in the grid: the thumbnail with its alt text, file name, size and dimensions, its address in a
 * read-only field to copy, and (content:write) an alt text editor and Delete behind a confirmation (a native popover:
 * no JavaScript needed). A refused delete shows "Used by:" with a link to each place that shows the image.
 */
import { component$ } from '@builder.io/qwik';
import { type ActionStore, Form } from '@builder.io/qwik-city';
import type { MediaUse } from '@db/repositories/media';
import { formatBytes } from '~/lib/media-format';
import type { MediaActionFailure } from '~/lib/media-library';

export interface MediaCardItem {
  id: string;
  url: string;
  alt: string;
  filename: string;
  bytes: number;
  width: number;
  height: number;
}

interface Props {
  item: MediaCardItem;
  canWrite: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: the page's routeAction$ stores; their forms post text.
  altAction: ActionStore<any, any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  deleteAction: ActionStore<any, any, any>;
  highlight?: string;
}

const KIND_LABELS: Record<MediaUse['kind'], string> = { post: 'Blog post', banner: 'Banner', page: 'Page' };

export const MediaCard = component$<Props>(({ item: m, canWrite, altAction, deleteAction, highlight }) => {
  const alt = altAction.value as MediaActionFailure | undefined;
  const del = deleteAction.value as MediaActionFailure | undefined;
  const altFailed = alt?.mediaId === m.id ? alt : undefined;
  const deleteFailed = del?.mediaId === m.id ? del : undefined;
  const popId = `media-delete-${m.id}`;
  return (
    <li class="adm-card adm-media-card" id={m.id}>
      <div class="adm-media-thumb">
        <img src={m.url} alt={m.alt} width={m.width} height={m.height} loading="lazy" decoding="async" />
      </div>
      <div class="adm-media-body">
        {highlight && (
          <p class="adm-alert adm-alert-ok" role="status">
            {highlight}
          </p>
        )}
        <p class="adm-media-name" title={m.filename}>
          {m.filename}
        </p>
        <p class="adm-muted adm-media-meta">
          {formatBytes(m.bytes)} · {m.width}×{m.height} px
        </p>
        <p class="adm-media-alt">
          <span class="adm-details-label">Alt text</span>
          {m.alt}
        </p>
        <div class="adm-field adm-media-address">
          <label for={`address-${m.id}`}>Image address</label>
          <input id={`address-${m.id}`} class="adm-input adm-code" type="text" readOnly value={m.url} />
        </div>
        {canWrite && (
          <details class="adm-details" open={!!altFailed}>
            <summary>
              Edit alt text<span class="visually-hidden"> of {m.filename}</span>
            </summary>
            <Form action={altAction} reloadDocument class="adm-form adm-media-alt-form">
              <input type="hidden" name="mediaId" value={m.id} />
              <div class="adm-field">
                <label for={`alt-${m.id}`}>New alt text</label>
                <textarea
                  id={`alt-${m.id}`}
                  name="alt"
                  class="adm-input"
                  rows={2}
                  maxLength={300}
                  required
                  value={altFailed?.values?.alt ?? m.alt}
                  aria-invalid={altFailed?.fieldErrors?.alt ? 'true' : undefined}
                  aria-describedby={altFailed?.fieldErrors?.alt ? `alt-${m.id}-error` : undefined}
                />
                {altFailed?.fieldErrors?.alt && (
                  <p id={`alt-${m.id}-error`} class="adm-field-error">
                    {altFailed.fieldErrors.alt}
                  </p>
                )}
              </div>
              <button type="submit" class="adm-btn adm-btn-secondary adm-btn-sm">
                Save alt text
              </button>
            </Form>
          </details>
        )}
        {deleteFailed && (
          <div class="adm-alert adm-alert-error adm-media-uses" role="alert">
            <p>{deleteFailed.message}</p>
            {deleteFailed.uses && deleteFailed.uses.length > 0 && (
              <>
                <p class="adm-media-uses-title">Used by:</p>
                <ul>
                  {deleteFailed.uses.map((u) => (
                    <li key={`${u.kind}-${u.id}`}>
                      {KIND_LABELS[u.kind]}: <a href={u.editHref}>{u.title}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {canWrite && (
          <div class="adm-media-actions">
            <button type="button" class="adm-btn adm-btn-danger-ghost adm-btn-sm" popovertarget={popId}>
              Delete<span class="visually-hidden"> {m.filename}</span>
            </button>
            <div id={popId} popover="auto" class="adm-pop" role="dialog" aria-labelledby={`${popId}-title`}>
              <Form action={deleteAction} reloadDocument>
                <h2 id={`${popId}-title`}>Delete this image?</h2>
                <p>
                  {m.filename} is removed from the library and its address stops working. An image still used
                  by a post, banner or page is not deleted: you will see where it is used.
                </p>
                <input type="hidden" name="mediaId" value={m.id} />
                <div class="adm-pop-actions">
                  <button
                    type="button"
                    class="adm-btn adm-btn-secondary"
                    popovertarget={popId}
                    popovertargetaction="hide"
                  >
                    Cancel
                  </button>
                  <button type="submit" class="adm-btn adm-btn-danger">
                    Yes, delete
                  </button>
                </div>
              </Form>
            </div>
          </div>
        )}
      </div>
    </li>
  );
});
