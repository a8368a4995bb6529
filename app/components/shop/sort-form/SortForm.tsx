/** The listing's sort control: a GET form, so it works without JavaScript; with JavaScript it applies on change. */
import { component$ } from '@builder.io/qwik';
import { PRODUCT_SORTS, type ProductSort } from '@domain/catalog/listing';

/** What shoppers read for each sort order (the compiler checks every sort has a label). */
const SORT_LABELS: Record<ProductSort, string> = {
  featured: 'Featured',
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  rating: 'Top rated',
};

interface Props {
  action: string;
  sort: ProductSort;
  /** Extra parameters the listing keeps (search query, filters); repeatable ones as pairs. */
  hidden?: Record<string, string> | [string, string][];
  /** The sorts to offer (relevance only makes sense with a search). */
  sorts?: readonly ProductSort[];
}

/** A select plus an Apply button (the button is what submits when scripts are off). */
export const SortForm = component$<Props>(({ action, sort, hidden = {}, sorts = PRODUCT_SORTS }) => (
  <form class="sort-form" action={action} method="get">
    {(Array.isArray(hidden) ? hidden : Object.entries(hidden)).map(([name, value]) => (
      <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
    ))}
    <div class="field">
      <label for="sort">Sort by</label>
      <select id="sort" name="sort" class="select" onChange$={(_, el) => el.form?.requestSubmit()}>
        {sorts.map((value) => (
          <option key={value} value={value} selected={value === sort}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" class="btn btn-secondary">
      Apply
    </button>
  </form>
));
