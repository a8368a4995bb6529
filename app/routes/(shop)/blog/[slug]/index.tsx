/**
 * A blog post: title, author, date, cover, the body (Markdown rendered and sanitised by domain/content/markdown.ts,
 * the only markup a post produces), tags linking to their pages and the related products as product cards.
 */
import { component$ } from '@builder.io/qwik';
import { type DocumentHead, routeLoader$ } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { loadPost } from '@worker/services/content/blog';
import { shopSales, summariesUnderSales } from '@worker/services/promotions/shop-sales';
import { publicOrigin } from '@worker/services/shop/settings';
import { NotFound } from '~/components/shop/not-found/NotFound';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import { Breadcrumbs } from '~/components/ui/breadcrumbs/Breadcrumbs';
import { formatDate } from '~/lib/format';

export const usePost = routeLoader$(async (event) => {
  const now = Date.now();
  const [post, sales] = await Promise.all([
    loadPost(createDb(event.platform.env), event.params.slug ?? '', now),
    shopSales(event.platform.env, now),
  ]);
  if (!post) {
    event.status(404);
    return null;
  }
  const products = summariesUnderSales(sales, post.products, now);
  return { ...post, products, origin: publicOrigin(event.platform.env, event.url.href) };
});

export default component$(() => {
  const p = usePost().value;
  if (!p) return <NotFound what="post" />;
  return (
    <>
      <Breadcrumbs
        items={[{ label: 'Home', href: '/' }, { label: 'Blog', href: '/blog' }, { label: p.title }]}
      />
      <article class="post">
        <header class="post-head">
          <h1>{p.title}</h1>
          <p class="post-meta">
            <time dateTime={new Date(p.publishedAt).toISOString()}>{formatDate(p.publishedAt)}</time>
            {p.authorName && <> · By {p.authorName}</>}
          </p>
        </header>
        {p.coverUrl && (
          <img
            class="post-cover"
            src={p.coverUrl}
            alt={p.coverAlt}
            width={1200}
            height={675}
            loading="eager"
          />
        )}
        <div class="prose post-body" dangerouslySetInnerHTML={p.bodyHtml} />
        {p.tags.length > 0 && (
          <nav class="post-tags" aria-label="Tags">
            <h2 class="visually-hidden">Tags</h2>
            <ul class="facet-chips">
              {p.tags.map((t) => (
                <li key={t}>
                  <a class="badge badge-soft" href={`/blog/tag/${t}`}>
                    {t}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>
      {p.products.length > 0 && (
        <section class="section product-related" aria-labelledby="post-products-title">
          <div class="section-head">
            <h2 id="post-products-title">In this post</h2>
          </div>
          <ProductGrid products={p.products} headingLevel={3} />
        </section>
      )}
    </>
  );
});

export const head: DocumentHead = ({ resolveValue }) => {
  const p = resolveValue(usePost);
  if (!p) return { title: 'Post not found' };
  const url = `${p.origin}/blog/${p.slug}`;
  const title = p.seoTitle || p.title;
  const description = p.seoDescription || p.excerpt;
  const meta = [
    { name: 'description', content: description },
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    { property: 'article:published_time', content: new Date(p.publishedAt).toISOString() },
  ];
  if (p.coverUrl)
    meta.push(
      { property: 'og:image', content: new URL(p.coverUrl, p.origin).href },
      { property: 'og:image:alt', content: p.coverAlt },
    );
  return {
    title,
    meta,
    links: [
      { rel: 'canonical', href: url },
      { rel: 'alternate', type: 'application/atom+xml', title: 'Blog feed', href: '/blog/feed.xml' },
    ],
  };
};
