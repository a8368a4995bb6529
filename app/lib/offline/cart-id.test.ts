/** The cart cookie as the browser reads and writes it: one name and attribute set (domain/cart/cart-cookie.ts), a parser that never throws. */
import type { Cookie } from '@builder.io/qwik-city';
import { cartCookieName, cartCookieString } from '@domain/cart/cart-cookie';
import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import { readCartId, writeCartId } from '~/lib/cart-cookie';
import { cartIdFromCookies } from './cart-id';

const CART = newId('cart', Date.UTC(2026, 10, 1));

describe('cartIdFromCookies', () => {
  it('finds a well-formed cart id and ignores others', () => {
    expect(cartIdFromCookies(`theme=dark; cart_id=${CART}; x=1`, 'http:')).toBe(CART);
    expect(cartIdFromCookies('cart_id=cart_bad', 'http:')).toBeNull();
    expect(cartIdFromCookies('', 'http:')).toBeNull();
  });

  it('never throws on a malformed value, and answers "no cart" for it', () => {
    for (const value of ['%E0%A4%A', '%', '%ZZ', `${CART}%`, '"', '==']) {
      expect(() => cartIdFromCookies(`cart_id=${value}`, 'http:')).not.toThrow();
      expect(cartIdFromCookies(`cart_id=${value}`, 'http:')).toBeNull();
      expect(cartIdFromCookies(`__Host-cart_id=${value}`, 'https:')).toBeNull();
    }
    // A malformed duplicate (e.g. planted on http) does not hide the good one.
    expect(cartIdFromCookies(`cart_id=%E0%A4%A; cart_id=${CART}`, 'http:')).toBe(CART);
  });

  it('over HTTPS reads only the __Host- cookie: a plain cart_id (plantable by a sibling subdomain) is ignored', () => {
    expect(cartIdFromCookies(`cart_id=${CART}`, 'https:')).toBeNull();
    expect(cartIdFromCookies(`cart_id=${newId('cart')}; __Host-cart_id=${CART}`, 'https:')).toBe(CART);
  });
});

describe('the cart cookie, one definition for server and browser', () => {
  it('is __Host-cart_id over HTTPS (Secure, Path=/, no Domain) and cart_id on plain http', () => {
    expect(cartCookieName('https:')).toBe('__Host-cart_id');
    expect(cartCookieName('http:')).toBe('cart_id');
    const https = cartCookieString('https:', CART);
    expect(https).toBe(`__Host-cart_id=${CART}; Path=/; Max-Age=2592000; SameSite=Lax; Secure`);
    expect(https).not.toMatch(/domain/i);
    expect(cartCookieString('http:', CART)).toBe(`cart_id=${CART}; Path=/; Max-Age=2592000; SameSite=Lax`);
  });

  it('the server writes and reads the same name and attributes the browser uses', () => {
    const jar = new Map<string, { value: string; options: unknown }>();
    const cookie = {
      get: (name: string) => (jar.has(name) ? { value: jar.get(name)!.value } : null),
      set: (name: string, value: string, options: unknown) => jar.set(name, { value, options }),
    } as unknown as Cookie;
    const url = new URL('https://shop.example/p/tee');
    writeCartId(cookie, url, CART);
    expect([...jar.keys()]).toEqual(['__Host-cart_id']);
    expect(jar.get('__Host-cart_id')!.options).toEqual({
      path: '/',
      sameSite: 'lax',
      httpOnly: false,
      secure: true,
      maxAge: 2592000,
    });
    expect(readCartId(cookie, url)).toBe(CART);
    expect(readCartId(cookie, new URL('http://127.0.0.1:8911/'))).toBeNull();
  });
});
