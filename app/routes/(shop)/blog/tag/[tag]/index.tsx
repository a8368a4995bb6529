/** A tag's posts, newest first, ten a page; a tag no live post has is a 404. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { isSlug } from '@domain/catalog/slug';
import { loadBlogPage, pageParam } from '@worker/services/content/blog';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { PostList } from '~/components/shop/post-list/PostList';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';

export const useTagPage = routeLoader$(async (event) => {
  const tag = event.params.tag ?? '';
  const page = pageParam(event.url.searchParams.get('page'));
  const blog = isSlug(tag)
    ? await loadBlogPage(createDb(event.platform.env), Date.now(), { page, tag })
    : null;
  if (!blog || blog.total === 0) {
    event.status(404);
    return null;
  }
  return { tag, blog };
});

export default component$(() => {
  const d = useTagPage().value;
  if (!d) return <NotFound what="tag" />;
  return (
    <>
      <Breadcrumbs
        items={[{ label: 'Home', href: '/' }, { label: 'Blog', href: '/blog' }, { label: d.tag }]}
      />
      <PostList
        title={`Posts tagged “${d.tag}”`}
        lede="From the blog."
        path={`/blog/tag/${d.tag}`}
        blog={d.blog}
      />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const d = resolveValue(useTagPage);
  return {
    title: d ? `Posts tagged “${d.tag}”` : 'Tag not found',
    links: [{ rel: 'alternate', type: 'application/atom+xml', title: 'Blog feed', href: '/blog/feed.xml' }],
  };
};
