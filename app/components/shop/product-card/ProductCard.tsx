/** One product in a grid: image, name, price from, sale price and rating; the whole card is one link target. */
import { component$ } from '@builder.io/qwik';
import type { ProductSummary } from '@db/repositories/catalog';
import type { TextSegment } from '@domain/catalog/search-query';
import { Price } from '~/components/ui/price/Price';
import { StarRating } from '~/components/ui/star-rating/StarRating';

interface Props {
  product: ProductSummary;
  /** Cards in the first screenful load eagerly; the rest lazily. */
  eager?: boolean;
  /** Heading level for the product name (h2 on listing pages, h3 under a section heading). */
  headingLevel?: 2 | 3;
  /** The name split into matched and plain runs (search results): matches render as <mark>. */
  nameSegments?: TextSegment[];
}

/** A product card; the name link is stretched over the card so the image is clickable too. */
export const ProductCard = component$<Props>(({ product: p, eager, headingLevel = 3, nameSegments }) => {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const onSale = !!p.compareAtFrom && p.compareAtFrom.amount > p.priceFrom.amount;
  return (
    <article class="product-card">
      <div class="product-card-media">
        {p.imageUrl && (
          <img
            src={p.imageUrl}
            alt={p.imageAlt ?? ''}
            width={400}
            height={500}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
          />
        )}
        {onSale && <span class="badge badge-sale">Sale</span>}
      </div>
      <span class="product-card-category">{p.categoryName}</span>
      <Heading class="product-card-title">
        <a href={`/p/${p.slug}`}>
          {nameSegments
            ? nameSegments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))
            : p.name}
        </a>
      </Heading>
      <Price price={p.priceFrom} compareAt={p.compareAtFrom} />
      <StarRating rating={p.rating} reviewCount={p.reviewCount} />
    </article>
  );
});
