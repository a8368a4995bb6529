import { describe, expect, it } from 'vitest';
import { bannerFromForm, utcInput, utcMillis } from './banner-form';

describe('the banner form', () => {
  it('reads times as UTC and round-trips them', () => {
    expect(utcMillis('2026-12-03T09:00')).toBe(Date.UTC(2026, 11, 3, 9));
    expect(utcInput(Date.UTC(2026, 11, 3, 9))).toBe('2026-12-03T09:00');
    expect(utcMillis('')).toBeNull();
  });

  it('turns the posted fields into a banner, or names the wrong fields', () => {
    const ok = bannerFromForm({ placement: 'announcement', audience: 'everyone', title: 'Hi', active: 'on' });
    expect(ok).toMatchObject({ ok: true, value: { title: 'Hi', active: true, startsAt: null } });
    const bad = bannerFromForm({
      placement: 'announcement',
      audience: 'everyone',
      title: 'Hi',
      startsAt: '2026-12-03T09:00',
      endsAt: '2026-12-03T08:00',
      linkUrl: 'javascript:alert(1)',
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual(['endsAt', 'linkUrl']);
  });
});
