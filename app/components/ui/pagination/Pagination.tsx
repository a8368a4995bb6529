/** Page links for a product listing; plain links, so paging works without JavaScript. */
import { component$ } from '@builder.io/qwik';

interface Props {
  page: number;
  pageCount: number;
  /** The listing's path, e.g. `/c/t-shirts`. */
  path: string;
  /** Query parameters every page link keeps (sort, q, filters); repeatable ones as pairs. */
  params: Record<string, string> | [string, string][];
}

/** The URL of page `n`; page 1 has no `page` parameter so it shares the listing's canonical URL. */
function hrefOf(path: string, params: Props['params'], n: number): string {
  const sp = new URLSearchParams(params);
  if (n > 1) sp.set('page', String(n));
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Which page numbers to show: first, last, and two either side of the current one. */
function visiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const out: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== 'gap') out.push('gap');
  }
  return out;
}

/** Previous/next and numbered page links; renders nothing for a single page. */
export const Pagination = component$<Props>(({ page, pageCount, path, params }) => {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul class="pages">
        {page > 1 && (
          <li>
            <a href={hrefOf(path, params, page - 1)} rel="prev">
              <span aria-hidden="true">←</span> Previous
            </a>
          </li>
        )}
        {visiblePages(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page">
                  <span class="visually-hidden">Page </span>
                  {n}
                </span>
              ) : (
                <a href={hrefOf(path, params, n)}>
                  <span class="visually-hidden">Page </span>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={hrefOf(path, params, page + 1)} rel="next">
              Next <span aria-hidden="true">→</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
});
