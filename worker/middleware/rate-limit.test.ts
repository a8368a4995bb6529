/** The write budget: one per client across methods, IPv6 clients by /64, a per-client key without CF-Connecting-IP. */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addressKey, clientKey } from './rate-limit';

const from = (ip: string) => (path: string, method: string) =>
  SELF.fetch(
    new Request(`http://shop.test${path}`, {
      method,
      headers: { 'CF-Connecting-IP': ip, 'Content-Type': 'application/json' },
      body: method === 'POST' || method === 'GET' ? undefined : JSON.stringify({ quantity: 1 }),
    }),
  );

/** Spends a client's whole write budget (120 a minute) on POST /api/carts (up to 120 requests: give it time). */
async function spendBudget(send: ReturnType<typeof from>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await send('/api/carts', 'POST')).status === 429) return;
  }
  throw new Error('never limited');
}

const line = '/api/carts/cart_01JD0000000000000000000000/items/SKU-0001';

describe('IPv6 addresses are keyed by their /64, however they are spelled', () => {
  it('gives every spelling of one /64 the same key', () => {
    const spellings = [
      '2001:db8:85a3:8d3::1',
      '2001:0DB8:85A3:08D3:0000:0000:0000:0001',
      '2001:db8:85a3:8d3:0:0:0:1',
      '2001:db8:85a3:8d3:ffff:eeee:dddd:cccc',
      '[2001:db8:85a3:08d3::abcd]',
      '2001:db8:85a3:8d3::1%eth0',
      ' 2001:db8:85a3:8d3:1::1 ',
      '2001:db8:85a3:8d3::192.0.2.1',
    ];
    const keys = new Set(spellings.map(addressKey));
    expect([...keys]).toEqual(['2001:0db8:85a3:08d3::/64']);
  });

  it('tells different /64s apart, and reads IPv4 (also IPv4-mapped) as IPv4', () => {
    expect(addressKey('2001:db8:85a3:8d4::1')).not.toBe(addressKey('2001:db8:85a3:8d3::1'));
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressKey('::')).toBe('0000:0000:0000:0000::/64');
    expect(addressKey('fe80::')).toBe('fe80:0000:0000:0000::/64');
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(addressKey('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9'); // not an address: kept as is
  });

  it('shares one budget across a /64 through the API', async () => {
    await spendBudget(from('2001:db8:aaaa:1::1'));
    expect((await from('2001:0db8:AAAA:0001:ffff::9')('/api/carts', 'POST')).status).toBe(429);
    expect((await from('2001:db8:aaaa:2::1')('/api/carts', 'POST')).status).toBe(201);
  }, 60_000);
});

describe('one write budget per client', () => {
  it('a client that spent its budget on POST is refused a PUT and a DELETE too', async () => {
    const send = from('192.0.2.201');
    await spendBudget(send);
    const put = await send(line, 'PUT');
    expect(put.status).toBe(429);
    expect(await put.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await send(line, 'DELETE')).status).toBe(429);
    expect((await send('/api/health', 'GET')).status).toBe(200);
  }, 60_000);

  it('without CF-Connecting-IP or with a loopback one (local development) clients are told apart by X-Forwarded-For', async () => {
    const local = (headers: Record<string, string>) => new Request('http://localhost/api/carts', { headers });
    expect(clientKey(local({ 'X-Forwarded-For': '192.0.2.9, 10.0.0.1' }))).toBe('192.0.2.9');
    expect(clientKey(local({ 'X-Real-IP': '2001:db8::5' }))).toBe('2001:0db8:0000:0000::/64');
    expect(clientKey(local({}))).toBe('local');
    // CF-Connecting-IP, set by Cloudflare's edge, always wins over the client-controlled headers.
    expect(clientKey(local({ 'CF-Connecting-IP': '203.0.113.1', 'X-Forwarded-For': '192.0.2.9' }))).toBe(
      '203.0.113.1',
    );
    // Except a loopback one: Miniflare (npm start) sets that on every local request, and it says nothing.
    for (const loopback of ['127.0.0.1', '127.8.0.1', '::1', '0:0:0:0:0:0:0:1']) {
      expect(
        clientKey(local({ 'CF-Connecting-IP': loopback, 'X-Forwarded-For': '192.0.2.9' })),
        loopback,
      ).toBe('192.0.2.9');
      expect(clientKey(local({ 'CF-Connecting-IP': loopback })), loopback).toBe('local');
    }
  });
});
