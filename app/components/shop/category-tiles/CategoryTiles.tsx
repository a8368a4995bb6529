/** The home page's grid of categories with their product counts. */
import { component$ } from '@builder.io/qwik';
import type { CategorySummary } from '@db/repositories/catalog';
import { pluralise } from '~/lib/format';

// A rotating accent stripe per tile, from the brand palette, so the grid does not look like a spreadsheet.
const STRIPES = ['#f2a541', '#1f3a5f', '#3f7d6e', '#b4532a', '#6b5ca5'];

/** One linked tile per category. */
export const CategoryTiles = component$<{ categories: CategorySummary[] }>(({ categories }) => (
  <ul class="category-grid">
    {categories.map((c, i) => (
      <li key={c.id} class="category-tile" style={{ '--tile': STRIPES[i % STRIPES.length] }}>
        <a href={`/c/${c.slug}`}>{c.name}</a>
        <span>{pluralise(c.productCount, 'product')}</span>
      </li>
    ))}
  </ul>
));
