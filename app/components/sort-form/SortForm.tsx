/** The listing's sort control: a GET form, so it works without JavaScript; with JavaScript it applies on change. */
import { component$ } from '@builder.io/qwik';

/** Sort orders shoppers can pick, in menu order. */
export const SORT_OPTIONS = [
  { value: 'featured', label: 'Featured' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Top rated' },
] as const;

/** One of the sort values above. */
export type SortValue = (typeof SORT_OPTIONS)[number]['value'];

interface Props {
  action: string;
  sort: SortValue;
  /** Extra parameters the listing keeps, e.g. the search query. */
  hidden?: Record<string, string>;
}

/** A select plus an Apply button (the button is what submits when scripts are off). */
export const SortForm = component$<Props>(({ action, sort, hidden = {} }) => (
  <form class="sort-form" action={action} method="get">
    {Object.entries(hidden).map(([name, value]) => (
      <input key={name} type="hidden" name={name} value={value} />
    ))}
    <div class="field">
      <label for="sort">Sort by</label>
      <select id="sort" name="sort" class="select" onChange$={(_, el) => el.form?.requestSubmit()}>
        {SORT_OPTIONS.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === sort}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
    <button type="submit" class="btn btn-secondary">
      Apply
    </button>
  </form>
));

/** The sort a query string asks for; anything unknown falls back to `featured`. */
export function parseSort(value: string | null): SortValue {
  return SORT_OPTIONS.find((o) => o.value === value)?.value ?? 'featured';
}

/** A 1-based page number from the query string; junk reads as page 1. */
export function parsePage(value: string | null): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}
