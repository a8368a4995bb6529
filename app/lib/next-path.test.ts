/** safeNextPath and loginPathFor: a login's "next" parameter can only lead back into this site. */
import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a same-site path with its query and fragment', () => {
    expect(safeNextPath('/account/orders?page=2')).toBe('/account/orders?page=2');
    expect(safeNextPath('/p/linen-shirt#reviews')).toBe('/p/linen-shirt#reviews');
    expect(safeNextPath('/')).toBe('/');
  });
  it('refuses other origins, however they are spelled', () => {
    for (const raw of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%0d%0aSet-Cookie:x'.replace('%0d%0a', '\r\n'),
      ' /account',
    ]) {
      expect(safeNextPath(raw), raw).toBe('/account');
    }
  });
  it('falls back when missing, too long, or a page a login must not return to', () => {
    expect(safeNextPath(null)).toBe('/account');
    expect(safeNextPath('', '/')).toBe('/');
    expect(safeNextPath(`/${'a'.repeat(2001)}`)).toBe('/account');
    expect(safeNextPath('/account/login?next=/x')).toBe('/account');
    expect(safeNextPath('/account/logout')).toBe('/account');
    expect(safeNextPath('/account/register/check-inbox')).toBe('/account');
  });
});

describe('loginPathFor', () => {
  it('sends the shopper back to the page, without Qwik City’s internal parameters', () => {
    expect(loginPathFor(new URL('http://shop.test/account/orders?page=2&qaction=abc'))).toBe(
      `/account/login?next=${encodeURIComponent('/account/orders?page=2')}`,
    );
    expect(loginPathFor(new URL('http://shop.test/account/confirm-email?token=t1'))).toBe(
      `/account/login?next=${encodeURIComponent('/account/confirm-email?token=t1')}`,
    );
  });
  it('has no next for the login page itself', () => {
    expect(loginPathFor(new URL('http://shop.test/account/login'))).toBe('/account/login');
  });
});
