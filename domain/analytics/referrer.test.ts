import { describe, expect, it } from 'vitest';
import { MAX_UTM, referrerHostOf, utmOf } from './referrer';

describe('referrers', () => {
  it('keeps only the host, lower case, without www', () => {
    expect(referrerHostOf('https://www.Google.com/search?q=secret+thing', 'shop.test')).toBe('google.com');
    expect(referrerHostOf('http://news.example.org/a/b#c', 'shop.test')).toBe('news.example.org');
  });

  it('drops our own host, other schemes and garbage', () => {
    expect(referrerHostOf('https://shop.test/p/thing', 'shop.test')).toBeNull();
    expect(referrerHostOf('https://www.shop.test/', 'shop.test')).toBeNull();
    expect(referrerHostOf('android-app://com.google.android.gm/', 'shop.test')).toBeNull();
    expect(referrerHostOf('not a url', 'shop.test')).toBeNull();
    expect(referrerHostOf(null, 'shop.test')).toBeNull();
  });
});

describe('UTM fields', () => {
  it('reads the three fields as trimmed lower-case plain text', () => {
    const utm = utmOf(
      new URLSearchParams('utm_source=Newsletter&utm_medium=%20email%20&utm_campaign=Black%20Friday'),
    );
    expect(utm).toEqual({ source: 'newsletter', medium: 'email', campaign: 'black friday' });
  });

  it('strips control characters and markup, caps the length, and treats blank as absent', () => {
    const utm = utmOf(
      new URLSearchParams({
        utm_source: '<script>x</script>\u0000\u202e',
        utm_medium: '   ',
        utm_campaign: 'a'.repeat(500),
      }),
    );
    expect(utm.source).toBe('scriptx/script');
    expect(utm.medium).toBeNull();
    expect(utm.campaign).toHaveLength(MAX_UTM);
    expect(utmOf(new URLSearchParams('q=1'))).toEqual({ source: null, medium: null, campaign: null });
  });
});
