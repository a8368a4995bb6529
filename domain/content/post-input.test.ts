import { describe, expect, it } from 'vitest';
import {
  normaliseTags,
  PostInput,
  parseDateTime,
  postState,
  resolvePublishDate,
  splitTags,
} from './post-input';

const NOW = Date.UTC(2026, 11, 3, 12, 0);

describe('normaliseTags', () => {
  it.each([
    [['Slow Fashion'], ['slow-fashion']],
    [['Wool', 'wool', ' WOOL '], ['wool']],
    [
      ['Crème brûlée', 'R&D'],
      ['creme-brulee', 'r-and-d'],
    ],
    [['!!!', '', '🙂'], []],
    [['<script>alert(1)</script>'], ['script-alert-1-script']],
    [['a'.repeat(60)], ['a'.repeat(40)]],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseTags(raw)).toEqual(expected);
  });

  it('splits a comma-separated field', () => {
    expect(splitTags(' spring, Slow fashion ,,wool ')).toEqual(['spring', 'Slow fashion', 'wool']);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-12-24', Date.UTC(2026, 11, 24)],
    ['2026-12-24T09:30', Date.UTC(2026, 11, 24, 9, 30)],
    ['2026-12-24T09:30:15Z', Date.UTC(2026, 11, 24, 9, 30, 15)],
    ['2026-12-24T09:30+02:00', Date.UTC(2026, 11, 24, 7, 30)],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['24/12/2026', null],
    ['tomorrow', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(parseDateTime(text)).toBe(expected);
  });
});

describe('resolvePublishDate', () => {
  it.each([
    ['published', null, { ok: true, value: NOW }],
    ['draft', null, { ok: true, value: null }],
    ['published', '2027-01-01', { ok: true, value: Date.UTC(2027, 0, 1) }],
    ['draft', Date.UTC(2026, 0, 1), { ok: true, value: Date.UTC(2026, 0, 1) }],
    ['published', 'not a date', { ok: false }],
    ['published', 1.5, { ok: false }],
    ['published', '1999-12-31', { ok: false }],
    ['published', '2040-01-01', { ok: false }],
    ['published', -1, { ok: false }],
  ] as const)('%s with %s', (status, at, expected) => {
    expect(resolvePublishDate(status, at, NOW)).toMatchObject(expected);
  });
});

describe('postState', () => {
  it.each([
    [{ status: 'draft', publishedAt: NOW - 1 }, 'draft'],
    [{ status: 'published', publishedAt: null }, 'draft'],
    [{ status: 'published', publishedAt: NOW }, 'live'],
    [{ status: 'published', publishedAt: NOW - 1 }, 'live'],
    [{ status: 'published', publishedAt: NOW + 1 }, 'scheduled'],
  ] as const)('%j is %s', (post, state) => {
    expect(postState(post, NOW)).toBe(state);
  });
});

describe('PostInput', () => {
  const base = { title: 'T', slug: 't', bodyMarkdown: 'b' };
  it('needs alt text for a cover and an own-origin cover URL', () => {
    expect(PostInput.safeParse({ ...base, cover: { url: '/media/a.jpg', alt: 'A jacket' } }).success).toBe(
      true,
    );
    expect(PostInput.safeParse({ ...base, cover: { url: '/media/a.jpg', alt: ' ' } }).success).toBe(false);
    expect(
      PostInput.safeParse({ ...base, cover: { url: 'https://evil.example/a.jpg', alt: 'x' } }).success,
    ).toBe(false);
    expect(PostInput.safeParse({ ...base, cover: { url: '//evil.example/a.jpg', alt: 'x' } }).success).toBe(
      false,
    );
  });

  it('refuses unknown fields and a bad slug', () => {
    expect(PostInput.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    expect(PostInput.safeParse({ ...base, slug: 'Not A Slug' }).success).toBe(false);
  });
});
