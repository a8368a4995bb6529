/**
 * One landing page: the draft editor, publishing (now or scheduled, with an optional take-down time), private preview
 * links, the revision history with restore, and delete. content:read sees it all read-only; every action checks
 * content:write again.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllCategories, listAllCollections } from '@db/repositories/catalog-groups';
import { findLandingPage, listRevisions } from '@db/repositories/landing-pages';
import { LandingPageContent, PREVIEW_HOURS, pageState } from '@domain/content/landing-page';
import { can } from '@domain/identity/permissions';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { LandingEditor } from '~/components/admin/landing-editor/LandingEditor';
import { MediaPicker } from '~/components/admin/media-picker/MediaPicker';
import { AdminNotFound } from '~/components/admin/not-found/AdminNotFound';
import { TextField } from '~/components/admin/text-field/TextField';
import { formatDateTime } from '~/lib/admin-format';
import {
  deletePageAction,
  editPageAction,
  type LandingActionResult,
  previewPageAction,
  publishPageAction,
  restorePageAction,
  unpublishPageAction,
} from '~/lib/admin-landing';
import { landingFormOf } from '~/lib/landing-form';
import { PAGE_STATE_BADGES } from '~/lib/landing-state';
import { useMediaChoices } from '~/lib/media-choices';
import { pageStaff } from '~/lib/session';

/** The library images the editor's image fields suggest (MediaPicker). */
export { useMediaChoices };

const NOTICES: Record<string, string> = {
  created: 'Page created. Add blocks, save the draft, then preview and publish it.',
  saved: 'Draft saved as a new revision. Shoppers see it once you publish.',
  published: 'Published.',
  unpublished: 'The page is no longer in the shop.',
  restored: 'Revision restored into the draft (saved as a new revision). Publish to show it.',
};

export const usePage = routeLoader$(async (event) => {
  const db = createDb(event.platform.env);
  const id = event.params.id ?? '';
  const page = await findLandingPage(db, id);
  if (!page) {
    event.status(404);
    return null;
  }
  const [revisions, collections, categories, me] = await Promise.all([
    listRevisions(db, id),
    listAllCollections(db),
    listAllCategories(db),
    pageStaff(event),
  ]);
  const now = Date.now();
  const content = LandingPageContent.parse(JSON.parse(page.draft));
  const flag = Object.keys(NOTICES).find((k) => event.url.searchParams.has(k));
  return {
    id,
    slug: page.slug,
    title: content.title,
    version: page.version,
    state: pageState(page, now),
    publishAt: page.publishAt,
    unpublishAt: page.unpublishAt,
    publishedRevisionId: page.publishedRevisionId,
    replacedRevisionId: page.replacedRevisionId,
    form: landingFormOf(content, page.slug, page.version),
    revisions,
    choices: {
      collections: collections.map((c) => ({ value: c.id, label: c.name })),
      categories: categories.map((c) => ({ value: c.id, label: c.name })),
    },
    canWrite: !!me && can(me.principal.roles, 'content:write'),
    notice: flag ? NOTICES[flag] : undefined,
  };
});

function pageId(event: { params: Record<string, string> }) {
  return event.params.id ?? '';
}
export const useEditPage = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    editPageAction(data as Record<string, unknown>, event, pageId(event)),
);
export const usePublishPage = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    publishPageAction(data as Record<string, unknown>, event, pageId(event)),
);
export const useUnpublishPage = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    unpublishPageAction(data as Record<string, unknown>, event, pageId(event)),
);
export const usePreviewLink = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    previewPageAction(data as Record<string, unknown>, event, pageId(event)),
);
export const useRestoreRevision = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    restorePageAction(data as Record<string, unknown>, event, pageId(event)),
);
export const useDeletePage = routeAction$(
  (data, event): Promise<LandingActionResult> =>
    deletePageAction(data as Record<string, unknown>, event, pageId(event)),
);

const HOURS_LABELS: Record<number, string> = {
  1: '1 hour',
  24: '1 day',
  72: '3 days',
  168: '1 week',
  720: '30 days',
};

export default component$(() => {
  const data = usePage();
  const edit = useEditPage();
  const publish = usePublishPage();
  const unpublish = useUnpublishPage();
  const preview = usePreviewLink();
  const restore = useRestoreRevision();
  const remove = useDeletePage();
  const media = useMediaChoices().value;
  const p = data.value;
  if (!p) return <AdminNotFound title="No such page" backHref="/admin/content/pages" backText="All pages" />;
  const [stateText, stateClass] = PAGE_STATE_BADGES[p.state];
  const isLive = p.state === 'live' || p.state === 'live, change scheduled';
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{p.title}</h1>
          <p class="adm-lede">
            <span class={['adm-badge', stateClass]}>{stateText}</span> /pages/{p.slug}
            {p.publishAt !== null && p.state !== 'draft' && <> · from {formatDateTime(p.publishAt)}</>}
            {p.unpublishAt !== null && <> · until {formatDateTime(p.unpublishAt)}</>}{' '}
            {isLive && <a href={`/pages/${p.slug}`}>View in the shop</a>}
          </p>
        </div>
        <a class="adm-btn adm-btn-secondary" href="/admin/content/pages">
          All pages
        </a>
      </div>
      <FormStatus ok={p.notice} />
      <div class="lp-layout">
        <MediaPicker id="lp-media" images={media} />
        <LandingEditor
          action={edit}
          values={p.form}
          choices={p.choices}
          disabled={!p.canWrite}
          mediaList="lp-media"
        />
        <div class="adm-stack">
          <Form
            action={publish}
            reloadDocument
            class="adm-card adm-card-pad adm-form"
            aria-labelledby="publish-title"
          >
            <h2 id="publish-title">Publish</h2>
            <p class="adm-hint">
              Publishes the saved draft. Leave the start empty to publish now; a live page keeps showing its
              current version until a scheduled change starts. Times are UTC.
            </p>
            <FormStatus outcome={outcomeOf(publish.value)} />
            <fieldset class="adm-stack lp-plain" disabled={!p.canWrite}>
              <input type="hidden" name="version" value={String(p.version)} />
              <TextField
                id="publish-at"
                name="publishAt"
                type="datetime-local"
                step={1}
                label="Publish at (optional)"
                error={publish.value?.fieldErrors?.publishAt}
              />
              <TextField
                id="unpublish-at"
                name="unpublishAt"
                type="datetime-local"
                step={1}
                label="Take down at (optional)"
                error={publish.value?.fieldErrors?.unpublishAt}
              />
              <button type="submit" class="adm-btn adm-btn-primary">
                Publish draft
              </button>
            </fieldset>
          </Form>
          {p.state !== 'draft' && p.canWrite && (
            <Form
              action={unpublish}
              reloadDocument
              class="adm-card adm-card-pad"
              aria-labelledby="unpublish-title"
            >
              <h2 id="unpublish-title">Take the page down</h2>
              <p>Removes it from the shop now, scheduled changes included. The draft and history stay.</p>
              <FormStatus outcome={outcomeOf(unpublish.value)} />
              <input type="hidden" name="version" value={String(p.version)} />
              <button type="submit" class="adm-btn adm-btn-secondary">
                Unpublish
              </button>
            </Form>
          )}
          <Form
            action={preview}
            reloadDocument
            class="adm-card adm-card-pad adm-form"
            aria-labelledby="preview-title"
          >
            <h2 id="preview-title">Preview</h2>
            <p class="adm-hint">
              A private link to the saved draft, for you or a colleague. It cannot be guessed.
            </p>
            <FormStatus outcome={outcomeOf(preview.value)} />
            {preview.value?.previewPath && (
              <div class="adm-field">
                <label for="preview-link">Preview link</label>
                <input id="preview-link" class="adm-input" readOnly value={preview.value.previewPath} />
                <a href={preview.value.previewPath} target="_blank" rel="noopener noreferrer">
                  Open the preview
                </a>
              </div>
            )}
            <fieldset class="adm-stack lp-plain" disabled={!p.canWrite}>
              <div class="adm-field">
                <label for="preview-hours">Link works for</label>
                <select id="preview-hours" name="hours" class="adm-input">
                  {PREVIEW_HOURS.map((h) => (
                    <option key={h} value={String(h)} selected={h === 24}>
                      {HOURS_LABELS[h]}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="adm-btn adm-btn-secondary">
                Create preview link
              </button>
            </fieldset>
          </Form>
          <section class="adm-card adm-card-pad" aria-labelledby="revisions-title">
            <h2 id="revisions-title">Revisions</h2>
            <FormStatus outcome={outcomeOf(restore.value)} />
            <ol class="lp-revisions">
              {p.revisions.map((r) => (
                <li key={r.id}>
                  <span>
                    <strong>Revision {r.number}</strong> · {formatDateTime(r.createdAt)}
                    {r.savedBy && <> · {r.savedBy}</>}
                    {r.id === p.publishedRevisionId && (
                      <>
                        {' '}
                        · <span class="adm-badge adm-badge-ok">Published</span>
                      </>
                    )}
                    {r.id === p.replacedRevisionId && (
                      <>
                        {' '}
                        · <span class="adm-badge adm-badge-muted">Live until the change</span>
                      </>
                    )}
                  </span>
                  {p.canWrite && r.number !== p.revisions[0]?.number && (
                    <Form action={restore} reloadDocument>
                      <input type="hidden" name="version" value={String(p.version)} />
                      <input type="hidden" name="number" value={String(r.number)} />
                      <button type="submit" class="adm-btn adm-btn-secondary adm-btn-sm">
                        Restore revision {r.number}
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ol>
          </section>
          {p.canWrite && (
            <Form action={remove} reloadDocument class="adm-card adm-card-pad" aria-labelledby="delete-title">
              <h2 id="delete-title">Delete this page</h2>
              <p>It leaves the shop at once, with its history and preview links. This cannot be undone.</p>
              <FormStatus outcome={outcomeOf(remove.value)} />
              <input type="hidden" name="version" value={String(p.version)} />
              <label class="adm-check lp-confirm">
                <input type="checkbox" name="confirm" value="yes" /> Yes, delete “{p.title}”
              </label>
              <button type="submit" class="adm-btn adm-btn-danger">
                Delete page
              </button>
            </Form>
          )}
        </div>
      </div>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({
  title: resolveValue(usePage)?.title ?? 'Page not found',
});
