/** The blog: live posts, newest first, ten a page (`?page=N`); past the last page is a 404. */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { loadBlogPage, pageParam } from '@worker/services/content/blog';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { PostList } from '~/components/shop/post-list/PostList';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';

export const useBlog = routeLoader$(async (event) => {
  const page = pageParam(event.url.searchParams.get('page'));
  const blog = await loadBlogPage(createDb(event.platform.env), Date.now(), { page });
  if (!blog) event.status(404);
  return blog;
});

export default component$(() => {
  const blog = useBlog().value;
  if (!blog) return <NotFound what="page of the blog" />;
  return (
    <>
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Blog' }]} />
      <PostList title="Blog" lede="Care guides, materials and how we make things." path="/blog" blog={blog} />
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const blog = resolveValue(useBlog);
  return {
    title: blog && blog.page > 1 ? `Blog, page ${blog.page}` : 'Blog',
    meta: [{ name: 'description', content: 'Care guides, materials and how we make things.' }],
    links: [{ rel: 'alternate', type: 'application/atom+xml', title: 'Blog feed', href: '/blog/feed.xml' }],
  };
};
