/** One blog post in a list: cover, title (the link), date, author and excerpt, all as text. */
import { component$ } from '@builder.io/qwik';
import type { PostCard as PostCardData } from '@db/repositories/posts-public';
import { formatDate } from '~/lib/format';

/** A post card; the title link is the card's one link target. */
export const PostCard = component$<{ post: PostCardData; eager?: boolean }>(({ post: p, eager }) => (
  <article class="post-card">
    {p.coverUrl && (
      <img
        class="post-card-cover"
        src={p.coverUrl}
        alt={p.coverAlt}
        width={640}
        height={360}
        loading={eager ? 'eager' : 'lazy'}
      />
    )}
    <h2 class="post-card-title">
      <a href={`/blog/${p.slug}`}>{p.title}</a>
    </h2>
    <p class="post-meta">
      <time dateTime={new Date(p.publishedAt).toISOString()}>{formatDate(p.publishedAt)}</time>
      {p.authorName && <> · {p.authorName}</>}
    </p>
    {p.excerpt && <p class="post-card-excerpt">{p.excerpt}</p>}
  </article>
));
