/**
 * Marks the words of a text that a search matched (words starting with a search term, case and accents folded, as
 * the FTS index matches them), as segments rather than HTML, so a page renders them as <mark> without escaping
 * anything twice. Pure.
 */
import { searchTerms, type TextSegment } from './search-query';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents ("Crème" → "creme"), as FTS5's unicode61 tokenizer folds them. */
function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `text` split into matched and plain runs for the search `q`; one plain segment when nothing matches. */
export function highlightMatches(text: string, q: string): TextSegment[] {
  const terms = searchTerms(q).map(fold);
  if (terms.length === 0) return text ? [{ text, match: false }] : [];
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const prev = segments.at(-1);
    if (prev && prev.match === match) prev.text += s;
    else segments.push({ text: s, match });
  };
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    if (!terms.some((t) => word.startsWith(t))) continue;
    push(text.slice(last, m.index), false);
    push(m[0], true);
    last = m.index + m[0].length;
  }
  push(text.slice(last), false);
  return segments;
}
