import { describe, expect, it } from 'vitest';
import { highlightMatches } from './highlight';

describe('highlightMatches', () => {
  it('marks words starting with a search term, ignoring case and accents', () => {
    expect(highlightMatches('Organic Crème Tee', 'creme org')).toEqual([
      { text: 'Organic', match: true },
      { text: ' ', match: false },
      { text: 'Crème', match: true },
      { text: ' Tee', match: false },
    ]);
  });

  it('keeps markup in the text as text and leaves unmatched text whole', () => {
    expect(highlightMatches('<b>Tee</b>', 'tee')).toEqual([
      { text: '<b>', match: false },
      { text: 'Tee', match: true },
      { text: '</b>', match: false },
    ]);
    expect(highlightMatches('Wool Hat', 'jacket')).toEqual([{ text: 'Wool Hat', match: false }]);
    expect(highlightMatches('Wool Hat', '"*(')).toEqual([{ text: 'Wool Hat', match: false }]);
  });
});
