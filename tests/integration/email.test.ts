/** The email interface inside workerd: the outbox transport, the developer mailbox and its guards, send_email. */
import { createExecutionContext, env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { listOutboxEmails } from '@db/repositories/email-outbox';
import { createApp } from '@worker/app';
import type { Env } from '@worker/env';
import { createMailer } from '@worker/services/email/mailer';
import type { EmailMessage } from '@worker/services/email/message';
import { passwordResetMessage, verifyEmailMessage } from '@worker/services/email/templates';
import { describe, expect, it, vi } from 'vitest';

const shop = { name: 'Northwind Supply' };
const db = createDb(env);
const app = createApp();
const get = (url: string, environment: Env = env) =>
  app.request(url, {}, environment, createExecutionContext());

/** A unique recipient per test, so tests sharing the file's database never see each other's mail. */
let counter = 0;
const recipient = () => `shopper${++counter}.${Date.now()}@example.com`;

describe('outbox transport', () => {
  it('is the default mailer and stores what it sends', async () => {
    const mailer = createMailer({ ...env, EMAIL_TRANSPORT: undefined } as never, db);
    expect(mailer.transport).toBe('outbox');
    const to = recipient();
    await mailer.send(verifyEmailMessage({ to, link: 'https://shop.example/verify?token=abc' }, shop));

    const [stored] = await listOutboxEmails(db, { to });
    expect(stored).toMatchObject({
      to,
      kind: 'verify-email',
      subject: 'Confirm your email address for Northwind Supply',
    });
    expect(stored!.id).toMatch(/^eml_[0-9A-Z]{26}$/);
    expect(stored!.textBody).toContain('https://shop.example/verify?token=abc');
    expect(stored!.htmlBody).toContain('href="https://shop.example/verify?token=abc"');
  });
});

describe('developer mailbox', () => {
  it('lists messages newest first on localhost, each linked by its subject', async () => {
    const mailer = createMailer(env, db);
    const to = recipient();
    await mailer.send(verifyEmailMessage({ to, link: 'https://shop.example/v/1' }, shop));
    await mailer.send(
      passwordResetMessage({ to, link: 'https://shop.example/r/1', expiresInMinutes: 30 }, shop),
    );

    const res = await get('http://localhost/dev/mailbox');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'nonce-");
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<table><caption>\d+ messages?, newest first<\/caption>/);
    expect(html).toContain('<th scope="col">Subject</th>');
    const [newest] = await listOutboxEmails(db, { to });
    expect(html).toContain(`<a href="/dev/mailbox/${newest!.id}">Reset your Northwind Supply password</a>`);
    expect(html.indexOf('Reset your Northwind Supply password')).toBeLessThan(
      html.indexOf('Confirm your email address for Northwind Supply'),
    );

    for (const host of ['http://127.0.0.1:8787', 'http://[::1]:8787']) {
      expect((await get(`${host}/dev/mailbox`)).status).toBe(200);
    }
  });

  it('is a 404 on any other host, and when the mailer is not the outbox', async () => {
    const to = recipient();
    await createMailer(env, db).send(verifyEmailMessage({ to, link: 'https://shop.example/v/2' }, shop));
    const [message] = await listOutboxEmails(db, { to });

    for (const url of [
      'https://shop.example/dev/mailbox',
      `https://shop.example/dev/mailbox/${message!.id}`,
      `https://shop.example/dev/mailbox.json?to=${to}`,
      'http://localhost.shop.example/dev/mailbox',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    for (const transport of ['https', 'send_email', 'smtp']) {
      const other = { ...env, EMAIL_TRANSPORT: transport };
      expect((await get('http://localhost/dev/mailbox', other)).status).toBe(404);
      expect((await get(`http://localhost/dev/mailbox/${message!.id}`, other)).status).toBe(404);
      expect((await get(`http://localhost/dev/mailbox.json?to=${to}`, other)).status).toBe(404);
    }
  });

  it('answers a refused request exactly as the pages answer an unknown address', async () => {
    const pages = vi.fn(async () => new Response('<h1>Page not found</h1>', { status: 404 }));
    const res = await createApp(pages).request(
      'https://shop.example/dev/mailbox',
      {},
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('<h1>Page not found</h1>');
    expect(pages).toHaveBeenCalledOnce();
    expect((await get('http://localhost/dev/mailbox/eml_00000000000000000000000000')).status).toBe(404);
  });

  it('shows one message with its user data escaped and the HTML part in a sandboxed iframe', async () => {
    const to = recipient();
    const evil = '<script>alert("x")</script>';
    await createMailer(env, db).send({
      to,
      kind: 'staff-invite',
      subject: `Hello ${evil}`,
      text: `Plain ${evil}\nhttps://shop.example/invite?a=1&b=2`,
      html: `<p>Rendered ${evil}</p>`,
    });
    const [message] = await listOutboxEmails(db, { to });

    const res = await get(`http://localhost/dev/mailbox/${message!.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('<h1>Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(html).toContain('<pre>Plain &lt;script&gt;');
    expect(html).toContain('<a href="https://shop.example/invite?a=1&amp;b=2">');
    // The HTML part, escaped once into the attribute: the iframe renders it, sandboxed, and it never runs here.
    expect(html).toContain(
      '<iframe sandbox srcdoc="&lt;p&gt;Rendered &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/p&gt;"',
    );
  });

  it('gives tests the newest messages to one address as JSON', async () => {
    const to = recipient();
    const mailer = createMailer(env, db);
    await mailer.send(verifyEmailMessage({ to, link: 'https://shop.example/v/old' }, shop));
    await mailer.send(verifyEmailMessage({ to, link: 'https://shop.example/v/new' }, shop));
    await mailer.send(verifyEmailMessage({ to: recipient(), link: 'https://shop.example/v/other' }, shop));

    const res = await get(`http://localhost/dev/mailbox.json?to=${encodeURIComponent(to.toUpperCase())}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      messages: (Omit<EmailMessage, 'html'> & { id: string; createdAt: number })[];
    };
    expect(body.messages).toHaveLength(2);
    expect(body.messages.every((m) => m.to === to && m.kind === 'verify-email')).toBe(true);
    expect(Object.keys(body.messages[0]!).sort()).toEqual([
      'createdAt',
      'id',
      'kind',
      'subject',
      'text',
      'to',
    ]);
    expect(body.messages[0]!.text).toContain('https://shop.example/v/new');

    const limited = await get(`http://localhost/dev/mailbox.json?to=${encodeURIComponent(to)}&limit=1`);
    expect(((await limited.json()) as { messages: unknown[] }).messages).toHaveLength(1);
    const bad = await get('http://localhost/dev/mailbox.json?limit=0&bcc=x');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

describe('send_email transport', () => {
  const sendEmailEnv = { ...env, EMAIL_TRANSPORT: 'send_email', EMAIL_FROM: 'shop@example.com' };

  it('hands the binding an EmailMessage whose raw MIME the local binding accepts', async () => {
    // The local binding (Miniflare) parses the raw message and refuses one without a Message-ID or whose From header
    // differs from the envelope sender: a resolved send means the MIME is well formed.
    const mailer = createMailer(sendEmailEnv, db);
    expect(mailer.transport).toBe('send_email');
    await expect(
      mailer.send(verifyEmailMessage({ to: 'ada@example.com', link: 'https://shop.example/v/3' }, shop)),
    ).resolves.toBeUndefined();
  });

  it('sends the envelope and raw message it built to the binding', async () => {
    const sent: { from: string; to: string }[] = [];
    const binding = { send: vi.fn(async (m: { from: string; to: string }) => void sent.push(m)) };
    await createMailer({ ...sendEmailEnv, EMAIL: binding as unknown as SendEmail }, db).send(
      verifyEmailMessage({ to: 'ada@example.com', link: 'https://shop.example/v/4' }, shop),
    );
    expect(binding.send).toHaveBeenCalledOnce();
    expect(sent[0]).toMatchObject({ from: 'shop@example.com', to: 'ada@example.com' });
    // workerd keeps the raw message on the EmailMessage (an own property); it is the MIME buildMime wrote.
    const raw = Object.values(sent[0]!).find((v) => typeof v === 'string' && v.includes('MIME-Version'));
    expect(raw).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
    expect(raw).toContain('From: =?utf-8?B?');
    expect(raw).toContain('To: <ada@example.com>');
  });

  it('refuses to start without the binding, or with the development sender', () => {
    expect(() => createMailer({ ...sendEmailEnv, EMAIL: undefined } as never, db)).toThrow(/send_email/);
    expect(() => createMailer({ ...sendEmailEnv, EMAIL_FROM: 'shop@localhost' }, db)).toThrow(/EMAIL_FROM/);
  });
});

describe('https transport', () => {
  const httpsEnv = {
    ...env,
    EMAIL_TRANSPORT: 'https',
    EMAIL_FROM: 'shop@example.com',
    EMAIL_HTTPS_URL: 'https://mail-provider.test/v1/emails',
    EMAIL_HTTPS_TOKEN: 'secret-key',
  };

  it('posts to EMAIL_HTTPS_URL with the token, and turns a refusal into an error', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('{"id":"1"}', { status: 200 }))
      .mockResolvedValueOnce(new Response('{"message":"rate limited"}', { status: 429 }));
    try {
      const mailer = createMailer(httpsEnv, db);
      expect(mailer.transport).toBe('https');
      const message = verifyEmailMessage({ to: 'ada@example.com', link: 'https://shop.example/v/5' }, shop);
      await mailer.send(message);
      const [url, init] = fetchSpy.mock.calls[0]!;
      expect(url).toBe('https://mail-provider.test/v1/emails');
      expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer secret-key');
      expect(JSON.parse(init?.body as string)).toMatchObject({
        to: ['ada@example.com'],
        subject: message.subject,
      });
      await expect(mailer.send(message)).rejects.toThrow(
        'email provider answered 429: {"message":"rate limited"}',
      );
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('refuses to start without its token, and an unknown EMAIL_TRANSPORT is an error, not the outbox', () => {
    expect(() => createMailer({ ...httpsEnv, EMAIL_HTTPS_TOKEN: undefined }, db)).toThrow(
      /EMAIL_HTTPS_TOKEN/,
    );
    expect(() => createMailer({ ...env, EMAIL_TRANSPORT: 'smtp' }, db)).toThrow(
      /EMAIL_TRANSPORT must be one of/,
    );
  });
});
