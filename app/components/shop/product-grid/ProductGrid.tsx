/** A responsive grid of product cards. */
import { component$ } from '@builder.io/qwik';
import type { ProductSummary } from '@db/repositories/catalog';
import { highlightMatches } from '@domain/catalog/highlight';
import { ProductCard } from '~/components/shop/product-card/ProductCard';

/** How many cards are likely above the fold on a desktop screen (they skip lazy loading). */
const EAGER_CARDS = 4;

/** Product cards as a list, so screen readers announce how many there are. */
export const ProductGrid = component$<{
  products: ProductSummary[];
  headingLevel?: 2 | 3;
  label?: string;
  /** Search text whose words are marked in the product names. */
  highlight?: string;
}>(({ products, headingLevel, label, highlight }) => (
  <ul class="product-grid" aria-label={label}>
    {products.map((p, i) => (
      <li key={p.id}>
        <ProductCard
          product={p}
          eager={i < EAGER_CARDS}
          headingLevel={headingLevel}
          nameSegments={highlight ? highlightMatches(p.name, highlight) : undefined}
        />
      </li>
    ))}
  </ul>
));
