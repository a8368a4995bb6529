import { describe, expect, it } from 'vitest';
import { emptyPostForm, formFieldOf, parsePostForm, postFormOf } from './post-form';

function form(over: Partial<ReturnType<typeof emptyPostForm>> = {}) {
  return { ...emptyPostForm('Cory'), title: 'Caring for Wool', bodyMarkdown: 'Hello', ...over };
}

describe('parsePostForm', () => {
  it('makes the slug from the title, splits tags and products, and keeps the date as text', () => {
    const r = parsePostForm(
      form({ tags: 'Wool, care ,', relatedProducts: 'a-slug\nSKU-1, prod', publishedAt: '2026-12-24T09:00' }),
    );
    expect(r).toMatchObject({
      ok: true,
      input: {
        slug: 'caring-for-wool',
        tags: ['Wool', 'care'],
        relatedProducts: ['a-slug', 'SKU-1', 'prod'],
        publishedAt: '2026-12-24T09:00',
        cover: null,
      },
    });
  });

  it('puts errors on the fields the editor shows', () => {
    expect(parsePostForm(form({ coverUrl: '/media/a.jpg' }))).toMatchObject({
      ok: false,
      fieldErrors: { coverAlt: 'Describe the cover image.' },
    });
    expect(parsePostForm(form({ coverAlt: 'A jumper' }))).toMatchObject({
      ok: false,
      fieldErrors: { coverUrl: expect.any(String) },
    });
    expect(parsePostForm(form({ title: '' }))).toMatchObject({
      ok: false,
      fieldErrors: { title: expect.any(String) },
    });
    expect(parsePostForm(form({ slug: 'Bad Slug' }))).toMatchObject({
      ok: false,
      fieldErrors: { slug: expect.any(String) },
    });
  });

  it('maps nested input paths to form fields', () => {
    expect(formFieldOf('cover.alt')).toBe('coverAlt');
    expect(formFieldOf('relatedProducts.3')).toBe('relatedProducts');
  });
});

describe('postFormOf', () => {
  it('shows a saved post in the editor, its date in UTC', () => {
    const v = postFormOf({
      title: 'T',
      slug: 't',
      excerpt: '',
      authorName: 'A',
      tags: ['a', 'b'],
      coverUrl: null,
      coverAlt: '',
      products: [{ slug: 'x' }, { slug: 'y' }],
      bodyMarkdown: 'B',
      status: 'published',
      publishedAt: Date.UTC(2026, 11, 24, 9, 5),
      seoTitle: '',
      seoDescription: '',
    });
    expect(v).toMatchObject({
      tags: 'a, b',
      relatedProducts: 'x, y',
      publishedAt: '2026-12-24T09:05',
      coverUrl: '',
    });
  });
});
