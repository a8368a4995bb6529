/** A breadcrumb trail; the last crumb is the current page. */
import { component$ } from '@builder.io/qwik';

/** One crumb; `href` is omitted for the current page. */
export interface Crumb {
  label: string;
  href?: string;
}

/** Breadcrumb navigation as an ordered list. */
export const Breadcrumbs = component$<{ items: Crumb[] }>(({ items }) => (
  <nav class="breadcrumbs" aria-label="Breadcrumb">
    <ol class="crumbs">
      {items.map((c) =>
        c.href ? (
          <li key={c.label}>
            <a href={c.href}>{c.label}</a>
          </li>
        ) : (
          <li key={c.label} aria-current="page">
            {c.label}
          </li>
        ),
      )}
    </ol>
  </nav>
));
