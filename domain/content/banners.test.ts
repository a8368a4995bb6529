import { describe, expect, it } from 'vitest';
import { BannerInput, bannerState, pickBanners, type ScheduledBanner, scheduleBoundaries } from './banners';

const T = 1_800_000_000_000;
const banner = (over: Partial<ScheduledBanner>): ScheduledBanner => ({
  id: 'ban_1',
  placement: 'announcement',
  categoryId: null,
  audience: 'everyone',
  startsAt: null,
  endsAt: null,
  priority: 0,
  active: true,
  ...over,
});
const guest = { placement: 'announcement', signedIn: false } as const;

describe('bannerState: the start is inclusive, the end exclusive', () => {
  it.each([
    [{ startsAt: T }, T - 1, 'scheduled'],
    [{ startsAt: T }, T, 'live'],
    [{ endsAt: T }, T - 1, 'live'],
    [{ endsAt: T }, T, 'ended'],
    [{ startsAt: T, endsAt: T + 10, active: false }, T + 1, 'off'],
    [{}, T, 'live'],
  ] as const)('%o at %d is %s', (over, now, state) => {
    expect(bannerState(banner(over), now)).toBe(state);
  });
});

describe('pickBanners', () => {
  it('shows a banner from its start to just before its end', () => {
    const b = [banner({ startsAt: T, endsAt: T + 1000 })];
    expect(pickBanners(b, guest, T - 1)).toEqual([]);
    expect(pickBanners(b, guest, T)).toHaveLength(1);
    expect(pickBanners(b, guest, T + 999)).toHaveLength(1);
    expect(pickBanners(b, guest, T + 1000)).toEqual([]);
  });

  it('keeps signed-in banners from guests', () => {
    const b = [banner({ audience: 'signed-in' })];
    expect(pickBanners(b, guest, T)).toEqual([]);
    expect(pickBanners(b, { ...guest, signedIn: true }, T)).toHaveLength(1);
  });

  it('puts higher priority first, then the newer start, and respects the placement limit', () => {
    const b = [
      banner({ id: 'ban_a', priority: 1, startsAt: T - 10 }),
      banner({ id: 'ban_b', priority: 5 }),
      banner({ id: 'ban_c', priority: 1, startsAt: T - 5 }),
    ];
    expect(pickBanners(b, guest, T).map((x) => x.id)).toEqual(['ban_b']);
    const promos = b.map((x) => ({ ...x, placement: 'home-promo' }));
    expect(pickBanners(promos, { placement: 'home-promo', signedIn: false }, T).map((x) => x.id)).toEqual([
      'ban_b',
      'ban_c',
      'ban_a',
    ]);
  });

  it('shows a category banner on its category only, an unscoped one on every category', () => {
    const b = [
      banner({ id: 'ban_a', placement: 'category', categoryId: 'cat_1', priority: 1 }),
      banner({ id: 'ban_b', placement: 'category' }),
    ];
    const on = (categoryId: string) =>
      pickBanners(b, { placement: 'category', signedIn: false, categoryId }, T);
    expect(on('cat_1').map((x) => x.id)).toEqual(['ban_a']);
    expect(on('cat_2').map((x) => x.id)).toEqual(['ban_b']);
  });

  it('never shows another placement', () => {
    expect(pickBanners([banner({ placement: 'home-hero' })], guest, T)).toEqual([]);
  });
});

describe('BannerInput', () => {
  const valid = { placement: 'announcement', title: 'Free shipping over $50' };
  const errors = (body: unknown) => {
    const r = BannerInput.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a minimal banner with defaults', () => {
    expect(BannerInput.parse(valid)).toMatchObject({
      audience: 'everyone',
      priority: 0,
      active: true,
      linkUrl: null,
    });
  });

  it.each([
    [{ startsAt: T, endsAt: T }, 'endsAt'],
    [{ startsAt: T, endsAt: T - 1 }, 'endsAt'],
    [{ imageUrl: 'https://cdn.example/a.jpg' }, 'imageAlt'],
    [{ linkUrl: 'javascript:alert(1)' }, 'linkUrl'],
    [{ linkUrl: '//evil.example' }, 'linkUrl'],
    [{ imageUrl: 'data:image/png;base64,AAAA', imageAlt: 'x' }, 'imageUrl'],
    [{ title: '<script>alert(1)</script>' }, 'title'],
    [{ body: 'Hi <img src=x onerror=alert(1)>' }, 'body'],
    [{ title: '' }, 'title'],
    [{ categoryId: 'cat_1' }, 'categoryId'],
    [{ extra: 1 }, ''],
  ])('refuses %o (%s)', (over, path) => {
    expect(errors({ ...valid, ...over })).toContain(path);
  });
});

describe('scheduleBoundaries', () => {
  it('lists the start and end that are set', () => {
    expect(scheduleBoundaries({ startsAt: T, endsAt: null })).toEqual([T]);
    expect(scheduleBoundaries({ startsAt: T, endsAt: T + 1 })).toEqual([T, T + 1]);
  });
});
