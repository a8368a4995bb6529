/**
 * A landing page's blocks, in order. Headings keep the outline whole: a leading hero's heading is the page's h1
 * (otherwise the page shows its title as h1), every other block's heading is an h2. Text is rendered as text; the
 * only HTML is Markdown already sanitised on the server (domain/content/markdown.ts).
 */
import { component$, useStyles$ } from '@builder.io/qwik';
import type { BlockView } from '@worker/services/content/landing-view';
import { ProductGrid } from '~/components/shop/product-grid/ProductGrid';
import styles from './landing.css?inline';

const Action = component$<{ label: string; href: string; tone: 'accent' | 'secondary' }>(
  ({ label, href, tone }) =>
    label && href ? (
      <a class={`btn btn-${tone}`} href={href}>
        {label}
      </a>
    ) : null,
);

const Block = component$<{ block: BlockView; index: number; lead: boolean }>(({ block: b, index, lead }) => {
  const id = `block-${index}`;
  switch (b.type) {
    case 'hero':
      return (
        <section class={`lp-hero${b.imageUrl ? ' lp-hero-image' : ''}`} aria-labelledby={id}>
          <div class="lp-hero-text">
            {lead ? <h1 id={id}>{b.heading}</h1> : <h2 id={id}>{b.heading}</h2>}
            {b.text && <p>{b.text}</p>}
            <Action label={b.actionLabel} href={b.actionHref} tone="accent" />
          </div>
          {b.imageUrl && (
            <img
              src={b.imageUrl}
              alt={b.imageAlt}
              width={960}
              height={640}
              loading={lead ? 'eager' : 'lazy'}
            />
          )}
        </section>
      );
    case 'rich-text':
      return <div class="prose lp-text" dangerouslySetInnerHTML={b.html} />;
    case 'image-text':
      return (
        <section class={`lp-image-text lp-image-${b.imageSide}`} aria-labelledby={b.heading ? id : undefined}>
          <img src={b.imageUrl} alt={b.imageAlt} width={720} height={540} loading="lazy" />
          <div>
            {b.heading && <h2 id={id}>{b.heading}</h2>}
            <div class="prose" dangerouslySetInnerHTML={b.html} />
          </div>
        </section>
      );
    case 'product-grid':
      return (
        <section
          class="section"
          aria-labelledby={b.heading ? id : undefined}
          aria-label={b.heading ? undefined : 'Products'}
        >
          {(b.heading || b.moreHref) && (
            <div class="section-head">
              {b.heading && <h2 id={id}>{b.heading}</h2>}
              {b.moreHref && (
                <a href={b.moreHref}>
                  See all<span class="visually-hidden">: {b.heading || 'products'}</span>
                </a>
              )}
            </div>
          )}
          <ProductGrid products={b.products} headingLevel={3} />
        </section>
      );
    case 'banner':
      return (
        <aside class={`lp-banner lp-tone-${b.tone}`} aria-labelledby={id}>
          <div>
            <h2 id={id}>{b.heading}</h2>
            {b.text && <p>{b.text}</p>}
          </div>
          <Action
            label={b.actionLabel}
            href={b.actionHref}
            tone={b.tone === 'light' ? 'accent' : 'secondary'}
          />
        </aside>
      );
    case 'faq':
      return (
        <section
          class="lp-faq"
          aria-labelledby={b.heading ? id : undefined}
          aria-label={b.heading ? undefined : 'Questions'}
        >
          {b.heading && <h2 id={id}>{b.heading}</h2>}
          {b.items.map((item, i) => (
            <details key={i}>
              <summary>{item.question}</summary>
              <p class="lp-faq-answer">{item.answer}</p>
            </details>
          ))}
        </section>
      );
    case 'cta':
      return (
        <section class="lp-cta" aria-labelledby={id}>
          <h2 id={id}>{b.heading}</h2>
          {b.text && <p>{b.text}</p>}
          <Action label={b.actionLabel} href={b.actionHref} tone="accent" />
        </section>
      );
  }
});

export const LandingBlocks = component$<{ title: string; blocks: BlockView[] }>(({ title, blocks }) => {
  useStyles$(styles);
  const heroFirst = blocks[0]?.type === 'hero';
  return (
    <article class="lp">
      {!heroFirst && <h1 class="lp-title">{title}</h1>}
      {blocks.map((b, i) => (
        <Block key={i} block={b} index={i} lead={heroFirst && i === 0} />
      ))}
    </article>
  );
});
