/** Blog posts: each with its state (draft, scheduled, published) and date; content:read to view, content:write to add. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { listAllPosts } from '@db/repositories/posts';
import { type PostState, postState } from '@domain/content/post-input';
import { can } from '@domain/identity/permissions';
import { formatDateTime } from '~/lib/admin-format';
import { pageStaff } from '~/lib/session';

const STATE_LABELS: Record<PostState, string> = { draft: 'Draft', scheduled: 'Scheduled', live: 'Published' };
const STATE_BADGES: Record<PostState, string> = {
  draft: 'adm-badge-muted',
  scheduled: 'adm-badge',
  live: 'adm-badge-ok',
};

export const usePosts = routeLoader$(async (event) => {
  const me = (await pageStaff(event))?.principal;
  const now = Date.now();
  const rows = await listAllPosts(createDb(event.platform.env));
  return {
    items: rows.map((p) => ({ ...p, state: postState(p, now) })),
    canWrite: !!me && can(me.roles, 'content:write'),
    notice: event.url.searchParams.get('deleted') ? 'Post deleted.' : undefined,
  };
});

export default component$(() => {
  const { items, canWrite, notice } = usePosts().value;
  return (
    <>
      <div class="adm-head">
        <div>
          <h1>Blog posts</h1>
          <p class="adm-lede">
            {items.length} posts. Published posts with a future date appear in the shop at that time.
          </p>
        </div>
        {canWrite && (
          <a class="adm-btn adm-btn-primary" href="/admin/content/posts/new">
            Write a post
          </a>
        )}
      </div>
      {notice && (
        <p class="adm-alert adm-alert-ok" role="status">
          {notice}
        </p>
      )}
      <section class="adm-card adm-card-flush">
        {items.length === 0 ? (
          <div class="adm-card-pad">
            <h2>No posts yet</h2>
            <p>Care guides, stories about materials, what is new: posts appear on the shop’s blog.</p>
          </div>
        ) : (
          <div class="adm-table-wrap">
            <table class="adm-table">
              <caption class="visually-hidden">Blog posts</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Publish date</th>
                  <th scope="col">Author</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" class="adm-cell-main">
                      <a href={`/admin/content/posts/${p.id}`}>{p.title}</a>
                    </th>
                    <td>
                      <span class={['adm-badge', STATE_BADGES[p.state]]}>{STATE_LABELS[p.state]}</span>
                    </td>
                    <td>{p.publishedAt === null ? '—' : formatDateTime(p.publishedAt)}</td>
                    <td>{p.authorName || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
});

export const head: DocumentHead = { title: 'Blog posts' };
