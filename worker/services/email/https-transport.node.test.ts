/** The HTTPS provider transport against a local stand-in for the provider (node:http): the request it builds, failures. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsTransport } from './https-transport';
import type { EmailMessage } from './message';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let answer = { status: 200, body: '{"id":"re_123"}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message: EmailMessage = {
  to: 'ada@example.com',
  subject: 'Confirm your email address',
  text: 'Open https://shop.example/v',
  html: '<p>Open <a href="https://shop.example/v">this</a></p>',
  kind: 'verify-email',
};

const transport = (path = '/emails') =>
  httpsTransport({
    url: `${base}${path}`,
    token: 're_test_key',
    from: { address: 'shop@example.com', name: 'Northwind "North" Supply' },
  });

describe('httpsTransport', () => {
  it('posts the message as JSON with the Bearer key, in the provider’s shape', async () => {
    seen.length = 0;
    answer = { status: 200, body: '{"id":"re_123"}' };
    await transport().send(message);

    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/emails');
    expect(req!.headers.authorization).toBe('Bearer re_test_key');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body)).toEqual({
      from: '"Northwind \\"North\\" Supply" <shop@example.com>',
      to: ['ada@example.com'],
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  });

  it.each([
    [401, '{"message":"API key is invalid"}'],
    [422, '{"message":"The from address is not verified"}'],
    [503, ''],
  ])('throws when the provider answers %i, saying so', async (status, body) => {
    answer = { status, body };
    await expect(transport().send(message)).rejects.toThrow(`email provider answered ${status}`);
  });

  it('never sends a message whose recipient is not one bare address', async () => {
    seen.length = 0;
    await expect(transport().send({ ...message, to: 'a@example.com, b@example.com' })).rejects.toThrow();
    expect(seen).toHaveLength(0);
  });
});
