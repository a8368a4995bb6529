import { describe, expect, it } from 'vitest';
import { isSlug, MAX_SLUG_LENGTH, SlugSchema, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Leading and trailing  ', 'leading-and-trailing'],
    ['Crème Brûlée', 'creme-brulee'],
    ['Straße & Co.', 'strasse-and-co'],
    ['Smørrebrød Æble Łódź', 'smorrebrod-aeble-lodz'],
    ['T-Shirt -- (Large) / Blue!!', 't-shirt-large-blue'],
    ['100% Cotton 2-Pack', '100-cotton-2-pack'],
    ['ﬁne ① ligatures', 'fine-1-ligatures'],
    ['already-a-slug', 'already-a-slug'],
    ['___', ''],
    ['', ''],
    ['日本語', ''],
    ['🍕 pizza 🍕', 'pizza'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('caps the length, preferring a word boundary', () => {
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(long.endsWith('word')).toBe(true);
    expect(isSlug(long)).toBe(true);
    const noSpaces = slugify('x'.repeat(200));
    expect(noSpaces).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('always yields a valid slug or ""', () => {
    for (const s of ['A—B', 'a\u0000b', '-x-', 'ÀÉÎÕÜ', `${'a'.repeat(79)} b`]) {
      const out = slugify(s);
      expect(out === '' || isSlug(out)).toBe(true);
    }
  });
});

describe('isSlug / SlugSchema', () => {
  it('accepts only canonical slugs', () => {
    expect(isSlug('blue-mug-2')).toBe(true);
    for (const bad of ['', 'Blue', 'a--b', '-a', 'a-', 'a b', 'é', 'a'.repeat(81)]) {
      expect(isSlug(bad)).toBe(false);
      expect(SlugSchema.safeParse(bad).success).toBe(false);
    }
    expect(SlugSchema.parse('ok')).toBe('ok');
  });
});
