/** buildMime's output, parsed back by postal-mime (the parser Cloudflare's local send_email binding uses too). */
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildMime, type EmailMessage } from './message';
import { staffInviteMessage } from './templates';

const from = { address: 'shop@example.com', name: 'Northwind Supply' };
const message: EmailMessage = {
  to: 'zoe@example.com',
  subject: 'Bestätigen Sie Ihre Adresse – Café «Ünïcödé» ✓',
  text: 'Grüße\nhttps://shop.example/verify?token=abc&x=1\n',
  html: '<p>Grüße, <a href="https://shop.example/verify?token=abc&amp;x=1">bestätigen</a></p>',
  kind: 'verify-email',
};

describe('buildMime', () => {
  it('writes From, To, Subject, Date and Message-ID headers with CRLF line ends', async () => {
    const raw = buildMime(message, from);
    const email = await PostalMime.parse(raw);

    expect(email.from).toMatchObject({ address: 'shop@example.com', name: 'Northwind Supply' });
    expect(email.to).toEqual([expect.objectContaining({ address: 'zoe@example.com' })]);
    expect(email.subject).toBe(message.subject);
    expect(email.messageId).toMatch(/^<[^@\s]+@example\.com>$/);
    expect(email.date).toBeTruthy();
    expect(raw).toContain('MIME-Version: 1.0\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('encodes a non-ASCII subject as an RFC 2047 encoded word, never raw', () => {
    const raw = buildMime(message, from);
    const subject = raw.split('\r\n').find((l) => l.startsWith('Subject: '))!;
    expect(subject).toMatch(/^Subject: =\?utf-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(raw).not.toContain('Café');
  });

  it('is multipart/alternative with the text part first and the HTML part last, both intact', async () => {
    const raw = buildMime(message, from);
    const boundary = /^Content-Type: multipart\/alternative; boundary=(\S+)\r$/m.exec(raw)?.[1];
    expect(boundary).toBeTruthy();
    const parts = raw.split(`--${boundary}`);
    // preamble (headers), text part, HTML part, closing "--"
    expect(parts).toHaveLength(4);
    expect(parts[1]).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(parts[2]).toContain('Content-Type: text/html; charset=UTF-8');
    expect(parts[3]).toBe('--');
    // Base64 bodies in lines of at most 76 characters: no line a relay could cut.
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(
      parts[2]!
        .split('\r\n')
        .filter((l) => /^[A-Za-z0-9+/=]+$/.test(l))
        .every((l) => l.length <= 76),
    ).toBe(true);

    const email = await PostalMime.parse(raw);
    expect(email.text?.replace(/\r\n/g, '\n')).toBe(message.text);
    expect(email.html).toBe(message.html);
  });

  it('carries user data in the HTML part escaped, as the templates wrote it', async () => {
    const invite = staffInviteMessage(
      {
        to: 'new.hire@example.com',
        link: 'https://shop.example/invite/abc',
        inviterName: 'Eve <script>alert(1)</script>',
        roles: ['warehouse'],
      },
      { name: 'Northwind Supply' },
    );
    const email = await PostalMime.parse(buildMime(invite, from));
    expect(email.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('Eve <script>alert(1)</script> invited you');
  });

  it('refuses an address that could smuggle in a header or a second recipient', () => {
    for (const to of [
      'a@example.com\r\nBcc: x@evil.example',
      'a@example.com, b@example.com',
      'Ada <a@example.com>',
      'nobody',
    ]) {
      expect(() => buildMime({ ...message, to }, from)).toThrow(/single email address/);
    }
    expect(() => buildMime(message, { address: 'shop@example.com\nX: y' })).toThrow(/single email address/);
  });

  it('keeps a display name with quotes or line breaks inside its encoded word', async () => {
    const raw = buildMime(message, {
      address: 'shop@example.com',
      name: 'Evil "Shop"\r\nBcc: x@evil.example',
    });
    expect(raw).not.toMatch(/^Bcc:/m);
    const email = await PostalMime.parse(raw);
    expect(email.from?.address).toBe('shop@example.com');
    expect(email.bcc).toBeUndefined();
  });
});
