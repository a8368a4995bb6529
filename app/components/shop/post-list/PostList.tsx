/** A page of blog posts with pagination links and a feed link: the blog index and the tag pages share it. */
import { component$ } from '@builder.io/qwik';
import type { BlogPage } from '@worker/services/content/blog';
import { PostCard } from '~/components/shop/post-card/PostCard';
import { Pagination } from '~/components/ui/pagination/Pagination';
import { pluralise } from '~/lib/format';

export const PostList = component$<{ title: string; lede: string; path: string; blog: BlogPage }>(
  ({ title, lede, path, blog }) => (
    <>
      <header class="listing-head">
        <div>
          <h1>{title}</h1>
          <p>{lede}</p>
        </div>
        <a class="btn btn-link" href="/blog/feed.xml" type="application/atom+xml">
          Subscribe to the feed
        </a>
      </header>
      {blog.items.length === 0 ? (
        <p class="empty-state">No posts yet. Come back soon.</p>
      ) : (
        <>
          <p class="visually-hidden" role="status">
            {pluralise(blog.total, 'post')}, page {blog.page} of {blog.pageCount}
          </p>
          <ul class="post-list">
            {blog.items.map((p, i) => (
              <li key={p.slug}>
                <PostCard post={p} eager={i < 2} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={blog.page} pageCount={blog.pageCount} path={path} params={{}} />
    </>
  ),
);
