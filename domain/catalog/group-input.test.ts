import { describe, expect, it } from 'vitest';
import { wouldCycle } from './group-input';

describe('wouldCycle', () => {
  const parents = new Map<string, string | null>([
    ['a', null],
    ['b', 'a'],
    ['c', 'b'],
  ]);
  it('refuses a category under itself or its own descendant', () => {
    expect(wouldCycle('a', 'a', parents)).toBe(true);
    expect(wouldCycle('a', 'c', parents)).toBe(true);
  });
  it('allows moving to the top or under an unrelated branch', () => {
    expect(wouldCycle('c', null, parents)).toBe(false);
    expect(wouldCycle('c', 'a', parents)).toBe(false);
    expect(wouldCycle('new', 'c', parents)).toBe(false);
  });
});
