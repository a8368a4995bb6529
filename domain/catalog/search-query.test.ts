import { describe, expect, it } from 'vitest';
import { ftsMatchExpression, MAX_SEARCH_TERMS, matchSegments, searchTerms } from './search-query';

describe('ftsMatchExpression', () => {
  it('quotes each word as a prefix, joined by AND', () => {
    expect(ftsMatchExpression('Linen Shirt')).toBe('"linen"* "shirt"*');
    expect(ftsMatchExpression('  café   crème ')).toBe('"café"* "crème"*');
  });

  it('leaves no FTS5 syntax standing', () => {
    for (const hostile of [
      '"unbalanced',
      'a NEAR(b c, 2)',
      'shirt OR 1=1',
      'name:shirt',
      '(((',
      '*',
      '^tee',
      'tee" OR "x',
      "'; DROP TABLE products; --",
    ]) {
      const expr = ftsMatchExpression(hostile);
      if (expr === null) continue;
      // Only quoted words of letters and digits, each with a prefix star.
      expect(expr, hostile).toMatch(/^("[\p{L}\p{N}]+"\* ?)+$/u);
    }
    expect(ftsMatchExpression('*')).toBeNull();
    expect(ftsMatchExpression('%')).toBeNull();
    expect(ftsMatchExpression('name:shirt')).toBe('"name"* "shirt"*');
  });

  it('bounds the number and length of words', () => {
    expect(searchTerms(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(
      MAX_SEARCH_TERMS,
    );
    expect(searchTerms('x'.repeat(100))[0]).toHaveLength(40);
    expect(searchTerms('tee TEE Tee')).toEqual(['tee']);
  });
});

describe('matchSegments', () => {
  it('splits highlighted text into matched and plain runs', () => {
    expect(matchSegments('Classic \u0001Organic\u0002 Cotton \u0001Tee\u0002')).toEqual([
      { text: 'Classic ', match: false },
      { text: 'Organic', match: true },
      { text: ' Cotton ', match: false },
      { text: 'Tee', match: true },
    ]);
    expect(matchSegments('No match <b>here</b>')).toEqual([{ text: 'No match <b>here</b>', match: false }]);
    expect(matchSegments('')).toEqual([]);
  });
});
