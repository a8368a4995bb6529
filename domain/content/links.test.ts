import { describe, expect, it } from 'vitest';
import { isSafeLink, looksLikeMarkup } from './links';

describe('isSafeLink', () => {
  it.each([
    ['/c/knitwear', true],
    ['/search?q=tee#top', true],
    ['https://example.com/sale', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['//evil.example/x', false],
    ['/\\evil.example', false],
    ['http://example.com', false],
    ['https://user:pw@example.com', false],
    ['c/knitwear', false],
    ['', false],
    ['/a\nb', false],
  ])('%s -> %s', (link, safe) => {
    expect(isSafeLink(link)).toBe(safe);
  });
});

describe('looksLikeMarkup', () => {
  it.each([
    ['<script>alert(1)</script>', true],
    ['Hi <b>there</b>', true],
    ['<!-- x -->', true],
    ['< img src=x onerror=alert(1)>', true],
    ['Save 10% when you spend < 50', false],
    ['2 < 3 and 5 > 4', false],
  ])('%s -> %s', (text, markup) => {
    expect(looksLikeMarkup(text)).toBe(markup);
  });
});
