/**
 * What a shopper types, turned into an SQLite FTS5 query that can only mean "products containing words starting with
 * these": the words (letters and digits, any script) are lowercased, each quoted and given a prefix `*`, and joined
 * with FTS5's implicit AND. Nothing else survives, so FTS syntax in the input (quotes, `NEAR`, `OR`, `*`, `^`,
 * parentheses, `column:` filters) is just text that splits words. Pure.
 */

/** Most words one search uses; the rest are ignored (bounds the query's cost). */
export const MAX_SEARCH_TERMS = 8;
/** Longest word kept; longer runs are cut (no product word is longer). */
export const MAX_TERM_LENGTH = 40;

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct lowercased words of `q`, at most MAX_SEARCH_TERMS, each at most MAX_TERM_LENGTH characters. */
export function searchTerms(q: string): string[] {
  const words = (q.normalize('NFKC').toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_TERM_LENGTH));
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** The FTS5 MATCH expression for `q`, or null when it holds no word (such a search matches nothing). */
export function ftsMatchExpression(q: string): string | null {
  const terms = searchTerms(q);
  return terms.length === 0 ? null : terms.map((t) => `"${t}"*`).join(' ');
}

/** Marks FTS5's `highlight()` is asked to put around matched words: control characters no product text holds. */
export const MATCH_OPEN = '\u0001';
export const MATCH_CLOSE = '\u0002';

/** A run of text, matched or not: how highlights travel (never as HTML, so nothing needs escaping twice). */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Splits highlighted text (MATCH_OPEN … MATCH_CLOSE around matches) into segments, dropping empty ones. */
export function matchSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === MATCH_OPEN || ch === MATCH_CLOSE) {
      flush();
      match = ch === MATCH_OPEN;
    } else text += ch;
  }
  flush();
  return segments;
}
