/**
 * The listing's filters: a GET form of checkboxes, radios and price inputs with counts, so filtering works without
 * JavaScript (with it, ticking a box applies at once). On phones it folds into a <details>.
 */
import { component$ } from '@builder.io/qwik';
import type { ListingFacets } from '@db/repositories/catalog';
import { defaultSortFor } from '@domain/catalog/listing';
import {
  hasActiveFilters,
  type ListingQuery,
  listingHref,
  majorUnits,
} from '@domain/catalog/listing-filters';

interface Props {
  /** Where the form submits (the listing's path). */
  action: string;
  state: ListingQuery;
  facets: ListingFacets;
  currency: string;
  /** Category links (subcategories on a category page, top-level ones on search), each keeping the filters. */
  categoryLinks: { label: string; href: string; count: number; current: boolean }[];
  /** Parameters the form carries along unchanged (the search text, the chosen category). */
  keep: [string, string][];
  /** The URL with every filter cleared (search text and sort kept). */
  clearHref: string;
}

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    amount / 100,
  );
}

function bucketLabel(min: number, max: number | null, currency: string): string {
  if (min === 0 && max !== null) return `Under ${money(max, currency)}`;
  if (max === null) return `${money(min, currency)} & up`;
  return `${money(min, currency)} – ${money(max, currency)}`;
}

/** The listing with its price filter set to one bucket (`max` exclusive, so the link asks for up to max − 1). */
function priceHref(action: string, state: ListingQuery, min: number, max: number | null): string {
  const filters = {
    ...state.filters,
    priceMin: min || undefined,
    priceMax: max === null ? undefined : max - 1,
  };
  return listingHref(action, { ...state, page: 1, filters }, { omitCategory: action.startsWith('/c/') });
}

/** The filter form; every option shows how many products it would leave. */
export const FacetSidebar = component$<Props>(
  ({ action, state, facets, currency, categoryLinks, keep, clearHref }) => {
    const f = state.filters;
    const active = hasActiveFilters(f);
    return (
      <details class="facets" open={active}>
        <summary>
          Filters
          {active && <span class="facets-active"> (active)</span>}
        </summary>
        <div class="facets-body">
          {categoryLinks.length > 0 && (
            <nav class="facet" aria-labelledby="facet-category">
              <h2 id="facet-category" class="facet-title">
                Category
              </h2>
              <ul class="facet-links">
                {categoryLinks.map((c) => (
                  <li key={c.href}>
                    <a href={c.href} aria-current={c.current ? 'page' : undefined}>
                      {c.label} <span class="facet-count">{c.count}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <form
            class="facet-form"
            action={action}
            method="get"
            onChange$={(e, form) => {
              const t = e.target as HTMLInputElement;
              if (t.type === 'checkbox' || t.type === 'radio') form.requestSubmit();
            }}
          >
            {keep.map(([name, value]) => (
              <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
            ))}
            {state.sort !== defaultSortFor(state.q) && <input type="hidden" name="sort" value={state.sort} />}
            {facets.sizes.length > 0 && (
              <fieldset class="facet">
                <legend class="facet-title">Size</legend>
                <div class="facet-chips">
                  {facets.sizes.map((s) => (
                    <label key={s.value} class="chip-option">
                      <input
                        type="checkbox"
                        name="size"
                        value={s.value}
                        checked={f.sizes.includes(s.value)}
                      />
                      <span>
                        {s.value} <span class="facet-count">({s.count})</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {facets.colours.length > 0 && (
              <fieldset class="facet">
                <legend class="facet-title">Colour</legend>
                <ul class="facet-options">
                  {facets.colours.map((c) => (
                    <li key={c.value}>
                      <label>
                        <input
                          type="checkbox"
                          name="colour"
                          value={c.value}
                          checked={f.colours.includes(c.value)}
                        />
                        <span class="swatch" data-colour={c.value.toLowerCase()} aria-hidden="true" />
                        {c.value} <span class="facet-count">({c.count})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            <fieldset class="facet">
              <legend class="facet-title">Price</legend>
              <ul class="facet-links">
                {facets.prices.map((b) => (
                  <li key={b.min}>
                    <a href={priceHref(action, state, b.min, b.max)}>
                      {bucketLabel(b.min, b.max, currency)} <span class="facet-count">{b.count}</span>
                    </a>
                  </li>
                ))}
              </ul>
              <div class="price-range">
                <div class="field">
                  <label for="price-min">Min ({currency})</label>
                  <input
                    id="price-min"
                    class="input"
                    type="number"
                    name="min"
                    min="0"
                    step="any"
                    inputMode="decimal"
                    value={f.priceMin === undefined ? '' : majorUnits(f.priceMin)}
                  />
                </div>
                <div class="field">
                  <label for="price-max">Max ({currency})</label>
                  <input
                    id="price-max"
                    class="input"
                    type="number"
                    name="max"
                    min="0"
                    step="any"
                    inputMode="decimal"
                    value={f.priceMax === undefined ? '' : majorUnits(f.priceMax)}
                  />
                </div>
              </div>
            </fieldset>
            <fieldset class="facet">
              <legend class="facet-title">Availability</legend>
              <label class="facet-check">
                <input type="checkbox" name="in_stock" value="1" checked={f.inStock} />
                In stock only <span class="facet-count">({facets.availability.inStock})</span>
              </label>
            </fieldset>
            <fieldset class="facet">
              <legend class="facet-title">Rating</legend>
              <ul class="facet-options">
                <li>
                  <label>
                    <input type="radio" name="rating" value="" checked={f.minRating === undefined} />
                    Any rating
                  </label>
                </li>
                {facets.ratings.map((r) => (
                  <li key={r.min}>
                    <label>
                      <input
                        type="radio"
                        name="rating"
                        value={String(r.min)}
                        checked={f.minRating === r.min}
                      />
                      {r.min} stars & up <span class="facet-count">({r.count})</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div class="facet-actions">
              <button type="submit" class="btn btn-primary">
                Apply filters
              </button>
              {active && (
                <a class="btn btn-link" href={clearHref}>
                  Clear filters
                </a>
              )}
            </div>
          </form>
        </div>
      </details>
    );
  },
);
