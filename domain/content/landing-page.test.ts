/** Landing page rules: what a block may hold (nasty input refused, not escaped) and which revision is live when. */
import { describe, expect, it } from 'vitest';
import { LandingBlock, LandingPageContent, liveRevisionId, PublishSchedule, pageState } from './landing-page';

const T = Date.UTC(2026, 11, 1);
const HOUR = 3_600_000;

describe('landing blocks', () => {
  const refused = (block: Record<string, unknown>) => LandingBlock.safeParse(block).success === false;

  it.each([
    ['a script in a hero heading', { type: 'hero', heading: '<script>alert(1)</script>' }],
    [
      'markup in alt text',
      { type: 'image-text', imageUrl: '/media/a.png', imageAlt: '<img src=x onerror=alert(1)>' },
    ],
    [
      'an image on another site',
      { type: 'image-text', imageUrl: 'https://evil.example/a.png', imageAlt: 'A' },
    ],
    [
      'a protocol-relative image',
      { type: 'hero', heading: 'H', imageUrl: '//evil.example/a.png', imageAlt: 'A' },
    ],
    ['an image without alt text', { type: 'image-text', imageUrl: '/media/a.png', imageAlt: '' }],
    [
      'a javascript: link',
      { type: 'cta', heading: 'H', actionLabel: 'Go', actionHref: 'javascript:alert(1)' },
    ],
    ['a button label without a link', { type: 'banner', heading: 'H', actionLabel: 'Go' }],
    ['a grid from no collection', { type: 'product-grid', source: 'collection' }],
    [
      'a grid of 0 products',
      { type: 'product-grid', source: 'category', categoryId: 'cat_01J00000000000000000000000', limit: 0 },
    ],
    ['a grid of 25 products', { type: 'product-grid', source: 'products', products: ['a'], limit: 25 }],
    ['an unknown field', { type: 'rich-text', markdown: 'x', style: 'color:red' }],
    ['an unknown block type', { type: 'iframe', src: 'https://example.com' }],
    ['an empty FAQ', { type: 'faq', items: [] }],
  ])('refuses %s', (_name, block) => {
    expect(refused(block)).toBe(true);
  });

  it('accepts each block type filled in properly', () => {
    for (const block of [
      { type: 'hero', heading: 'Spring', actionLabel: 'Shop', actionHref: '/c/new' },
      { type: 'rich-text', markdown: '**Hi** <script>sanitised when rendered</script>' },
      { type: 'image-text', imageUrl: '/media/library/med_1.png', imageAlt: 'A jacket', imageSide: 'right' },
      { type: 'product-grid', source: 'products', products: ['tee-1', 'SKU-1'] },
      { type: 'banner', heading: 'Free shipping', tone: 'dark' },
      { type: 'faq', items: [{ question: 'Why?', answer: 'Because.' }] },
      { type: 'cta', heading: 'Join', actionLabel: 'Sign up', actionHref: 'https://example.com/join' },
    ])
      expect(LandingBlock.safeParse(block).success, block.type).toBe(true);
  });

  it('caps a page at 30 blocks', () => {
    const blocks = Array.from({ length: 31 }, () => ({ type: 'rich-text', markdown: 'x' }));
    expect(LandingPageContent.safeParse({ title: 'T', blocks }).success).toBe(false);
    expect(LandingPageContent.safeParse({ title: 'T', blocks: blocks.slice(1) }).success).toBe(true);
  });
});

describe('which revision is live', () => {
  const page = {
    publishedRevisionId: 'new',
    replacedRevisionId: 'old',
    publishAt: T,
    unpublishAt: T + 5 * HOUR,
  };

  it('shows the replaced revision until a scheduled change starts, the new one from then, nothing after the end', () => {
    expect(liveRevisionId(page, T - 1)).toBe('old');
    expect(liveRevisionId(page, T)).toBe('new');
    expect(liveRevisionId(page, T + 5 * HOUR - 1)).toBe('new');
    expect(liveRevisionId(page, T + 5 * HOUR)).toBeNull();
    expect(pageState(page, T - 1)).toBe('live, change scheduled');
    expect(pageState({ ...page, replacedRevisionId: null }, T - 1)).toBe('scheduled');
    expect(pageState(page, T)).toBe('live');
    expect(pageState(page, T + 5 * HOUR)).toBe('ended');
    expect(pageState({ ...page, publishedRevisionId: null }, T)).toBe('draft');
  });

  it('refuses a take-down before the start', () => {
    expect(PublishSchedule.safeParse({ publishAt: T, unpublishAt: T }).success).toBe(false);
    expect(PublishSchedule.safeParse({ publishAt: null, unpublishAt: T }).success).toBe(true);
    expect(PublishSchedule.safeParse({ publishAt: -1, unpublishAt: null }).success).toBe(false);
  });
});
