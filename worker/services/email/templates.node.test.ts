/** Every template: the recipient, kind and subject, its absolute link in both parts, escaped user data. */
import { describe, expect, it } from 'vitest';
import type { EmailMessage } from './message';
import {
  accountUnlockMessage,
  emailChangeMessages,
  passwordResetMessage,
  staffInviteMessage,
  verifyEmailMessage,
} from './templates';

const shop = { name: 'Café & Co' };
const link = 'https://shop.example/account/verify?token=t0k3n&next=%2Forders';
const evilName = '<img src=x onerror=alert(1)>';

/** The link as the HTML carries it: escaped in the href and in the fallback text. */
const htmlLink = link.replace(/&/g, '&amp;');

function expectWellFormed(message: EmailMessage, withLink = true) {
  expect(message.text).toContain('Café & Co');
  expect(message.html).toContain('Café &amp; Co');
  expect(message.html).toMatch(/^<!doctype html>/);
  expect(message.html).not.toContain('<style');
  expect(message.html).not.toContain('<script');
  expect(message.html).not.toContain('class=');
  if (withLink) {
    expect(message.text).toContain(`\n${link}\n`);
    expect(message.html).toContain(`href="${htmlLink}"`);
  }
}

describe('email templates', () => {
  it('verify email: a confirm link, greeting the recipient by their escaped name', () => {
    const m = verifyEmailMessage({ to: 'ada@example.com', link, name: evilName }, shop);
    expect(m).toMatchObject({ to: 'ada@example.com', kind: 'verify-email' });
    expect(m.subject).toBe('Confirm your email address for Café & Co');
    expectWellFormed(m);
    expect(m.text).toContain(`Hello ${evilName},`);
    expect(m.html).toContain('Hello &lt;img src=x onerror=alert(1)&gt;,');
    expect(m.html).not.toContain('<img');
  });

  it('password reset: the link and how many minutes it works', () => {
    const m = passwordResetMessage({ to: 'ada@example.com', link, expiresInMinutes: 30 }, shop);
    expect(m.kind).toBe('reset-password');
    expectWellFormed(m);
    expect(m.text).toContain('works for 30 minutes');
    expect(m.html).toContain('works for 30 minutes');
    expect(passwordResetMessage({ to: 'a@example.com', link, expiresInMinutes: 1 }, shop).text).toContain(
      '1 minute ',
    );
  });

  it('email change: a confirmation to the new address and a notice without a link to the old one', () => {
    const { confirm, notice } = emailChangeMessages(
      { oldAddress: 'old@example.com', newAddress: 'new@example.com', link },
      shop,
    );
    expect(confirm).toMatchObject({ to: 'new@example.com', kind: 'email-change' });
    expectWellFormed(confirm);
    expect(notice).toMatchObject({ to: 'old@example.com', kind: 'email-change-notice' });
    expectWellFormed(notice, false);
    expect(notice.text).toContain('new@example.com');
    expect(notice.text).not.toContain(link);
    expect(notice.html).not.toContain('href=');
  });

  it('staff invitation: inviter, roles and the link, all escaped', () => {
    const m = staffInviteMessage(
      { to: 'hire@example.com', link, inviterName: 'Eve "the admin" <eve>', roles: ['content', 'warehouse'] },
      shop,
    );
    expect(m.kind).toBe('staff-invite');
    expectWellFormed(m);
    expect(m.text).toContain('Eve "the admin" <eve> invited you');
    expect(m.html).toContain('Eve &quot;the admin&quot; &lt;eve&gt; invited you');
    expect(m.text).toContain('Your roles: content, warehouse.');
  });

  it('account unlock: the unlock link', () => {
    const m = accountUnlockMessage({ to: 'ada@example.com', link }, shop);
    expect(m).toMatchObject({ kind: 'account-unlock', subject: 'Unlock your Café & Co account' });
    expectWellFormed(m);
  });

  it('refuses relative and non-http links', () => {
    for (const bad of ['/account/verify?token=x', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(() => verifyEmailMessage({ to: 'ada@example.com', link: bad }, shop)).toThrow();
    }
  });
});
