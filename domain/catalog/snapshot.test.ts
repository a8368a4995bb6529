import { describe, expect, it } from 'vitest';
import { buildSearchText, digestProductIds, foldSearchText, matchesSearch } from './snapshot';

describe('digestProductIds', () => {
  it('is the same for the same set in any order, and differs when one id goes or changes', () => {
    const a = digestProductIds(['prod_b', 'prod_a', 'prod_c']);
    expect(digestProductIds(['prod_c', 'prod_a', 'prod_b'])).toBe(a);
    expect(digestProductIds(['prod_a', 'prod_b'])).not.toBe(a);
    expect(digestProductIds(['prod_a', 'prod_b', 'prod_d'])).not.toBe(a);
    expect(digestProductIds([])).toBe('0-811c9dc5');
  });
});

describe('offline search', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldSearchText('  Crème-Brûlée T-Shirt! ')).toBe('creme brulee t shirt');
  });

  it('matches when every query word starts a word of the product, in any order', () => {
    const text = buildSearchText(['Merino Wool Hoodie', 'Hoodies', 'Northwind', 'winter']);
    expect(matchesSearch(text, 'hood')).toBe(true);
    expect(matchesSearch(text, 'WOOL mer')).toBe(true);
    expect(matchesSearch(text, 'wool cotton')).toBe(false);
    expect(matchesSearch(text, 'ool')).toBe(false);
    expect(matchesSearch(text, '  ')).toBe(false);
  });

  it('keeps the search text short', () => {
    expect(buildSearchText(['x'.repeat(500)])).toHaveLength(160);
  });
});
