/**
 * One blog post: its editor (content:write to save or delete, checked again in each action; content:read sees it
 * read-only), its state in the shop and a preview of the saved body as shoppers will see it.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, Form, routeAction$, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { findPost } from '@db/repositories/posts';
import { renderPostBody } from '@domain/content/markdown';
import { postState } from '@domain/content/post-input';
import { statusOfError } from '@domain/core/errors';
import { can } from '@domain/identity/permissions';
import { deletePost } from '@worker/services/content/posts';
import { FormStatus, outcomeOf } from '~/components/admin/form-status/FormStatus';
import { AdminNotFound } from '~/components/admin/not-found/AdminNotFound';
import { PostEditor } from '~/components/admin/post-editor/PostEditor';
import { formatDateTime } from '~/lib/admin-format';
import { savePostForm } from '~/lib/admin-posts';
import { staffWith } from '~/lib/admin-session';
import { useMediaChoices } from '~/lib/media-choices';
import { postFormOf } from '~/lib/post-form';
import { pageStaff } from '~/lib/session';

/** The library images the image field suggests (MediaPicker). */
export { useMediaChoices };

export const usePost = routeLoader$(async (event) => {
  const post = await findPost(createDb(event.platform.env), event.params.id ?? '');
  if (!post) {
    event.status(404);
    return null;
  }
  const me = (await pageStaff(event))?.principal;
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    state: postState(post, Date.now()),
    publishedAt: post.publishedAt,
    form: postFormOf(post),
    previewHtml: renderPostBody(post.bodyMarkdown),
    canWrite: !!me && can(me.roles, 'content:write'),
    saved: event.url.searchParams.has('saved'),
  };
});

export const useSavePost = routeAction$((data, event) =>
  savePostForm(data as Record<string, unknown>, event, event.params.id ?? ''),
);

export const useDeletePost = routeAction$(async (_data, event) => {
  const actor = await staffWith(event, 'content:write');
  if (!actor) return event.fail(403, { message: 'Your roles do not allow deleting posts.' });
  const ctx = { db: createDb(event.platform.env), actor, now: Date.now() };
  const result = await deletePost(ctx, event.params.id ?? '');
  if (!result.ok) return event.fail(statusOfError(result.error.code), { message: result.error.detail });
  throw event.redirect(303, '/admin/content/posts?deleted=1');
});

const STATE_TEXT = {
  draft: 'Draft: not shown in the shop.',
  scheduled: 'Scheduled: appears in the shop on',
  live: 'Published: shown in the shop since',
} as const;

export default component$(() => {
  const mediaImages = useMediaChoices().value;
  const data = usePost();
  const save = useSavePost();
  const remove = useDeletePost();
  const p = data.value;
  if (!p) return <AdminNotFound title="No such post" backHref="/admin/content/posts" backText="All posts" />;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>{p.title}</h1>
          <p class="adm-lede">
            {STATE_TEXT[p.state]}
            {p.state !== 'draft' && p.publishedAt !== null && <> {formatDateTime(p.publishedAt)}.</>}{' '}
            {p.state === 'live' && <a href={`/blog/${p.slug}`}>View in the shop</a>}
          </p>
        </div>
        <a class="adm-btn adm-btn-secondary" href="/admin/content/posts">
          All posts
        </a>
      </div>
      <FormStatus ok={p.saved ? 'Post saved.' : undefined} />
      <div class="adm-grid">
        <PostEditor
          media={mediaImages}
          action={save}
          values={p.form}
          submitLabel="Save changes"
          disabled={!p.canWrite}
        />
        <div class="adm-stack">
          <section class="adm-card adm-card-pad" aria-labelledby="preview-title">
            <h2 id="preview-title">Preview of the saved body</h2>
            <div class="prose" dangerouslySetInnerHTML={p.previewHtml} />
          </section>
          {p.canWrite && (
            <Form action={remove} class="adm-card adm-card-pad">
              <h2>Delete this post</h2>
              <p>It disappears from the blog, its tag pages and the feed at once.</p>
              <FormStatus outcome={outcomeOf(remove.value)} />
              <button type="submit" class="adm-btn adm-btn-danger">
                Delete post
              </button>
            </Form>
          )}
        </div>
      </div>
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => ({
  title: resolveValue(usePost)?.title ?? 'Post not found',
});
