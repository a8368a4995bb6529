/** A landing page's document head: SEO title and description, Open Graph, and its canonical address. */
import type { DocumentHeadValue } from '@builder.io/qwik-city';
import type { LandingPageView } from '@worker/services/content/landing-view';

export function landingHead(p: LandingPageView, origin: string): DocumentHeadValue {
  const url = `${origin}/pages/${p.slug}`;
  const title = p.seoTitle || p.title;
  const meta: { name?: string; property?: string; content: string }[] = [
    { property: 'og:type', content: 'website' },
    { property: 'og:title', content: title },
    { property: 'og:url', content: url },
  ];
  if (p.seoDescription)
    meta.push(
      { name: 'description', content: p.seoDescription },
      { property: 'og:description', content: p.seoDescription },
    );
  if (p.ogImageUrl) meta.push({ property: 'og:image', content: new URL(p.ogImageUrl, origin).href });
  const canonical = p.canonicalUrl ? new URL(p.canonicalUrl, origin).href : url;
  return { title, meta, links: [{ rel: 'canonical', href: canonical }] };
}
