/**
 * The team, through the API: invitations by email, role changes and disabling, each written to the audit log with
 * before and after; the shop always keeps an enabled administrator; the audit log filters.
 */
import { api, createStaff, loginCookie, TEST_PASSWORD, tokenIn, waitForEmail } from '@tests/support/accounts';
import { seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

const call = api;

type AuditPage = {
  items: { action: string; staffEmail: string; entityId: string; before: unknown; after: unknown }[];
};

let admin: string;
beforeAll(async () => {
  await seedSmallStore();
  admin = await loginCookie('staff', await createStaff(['admin']));
});

describe('invitations', () => {
  it('invite → email → accept with a password → the new member logs in with the invited roles', async () => {
    const email = `hire-${crypto.randomUUID()}@example.com`;
    const invite = await call('/api/admin/staff/invitations', {
      cookie: admin,
      body: { email, name: 'Hana Hire', roles: ['warehouse', 'content'] },
    });
    expect(invite.status).toBe(202);
    const listed = (await (await call('/api/admin/staff', { cookie: admin })).json()) as {
      invitations: { email: string }[];
    };
    expect(listed.invitations.map((i) => i.email)).toContain(email);

    const mail = await waitForEmail(email, 'staff-invite');
    expect(mail.textBody).toContain('/admin/accept-invitation?token=');
    const token = tokenIn(mail.textBody);
    expect((await call('/api/staff/invitations/accept', { body: { token, password: 'short' } })).status).toBe(
      400,
    );
    expect(
      (await call('/api/staff/invitations/accept', { body: { token, password: TEST_PASSWORD } })).status,
    ).toBe(204);
    expect(
      (await call('/api/staff/invitations/accept', { body: { token, password: TEST_PASSWORD } })).status,
    ).toBe(400);

    const login = await call('/api/staff/login', { body: { email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    const me = (await login.json()) as { roles: string[]; permissions: string[] };
    expect(me.roles).toEqual(['content', 'warehouse']);
    expect(me.permissions).toContain('fulfilment:write');
    expect(me.permissions).not.toContain('customers:read');

    const audit = (await (
      await call('/api/admin/audit?action=staff.invite', { cookie: admin })
    ).json()) as AuditPage;
    expect(audit.items.find((e) => e.entityId === email)?.after).toMatchObject({
      email,
      roles: ['warehouse', 'content'],
    });
  });

  it('refuses an address that already has a staff account (409) and a content manager (403)', async () => {
    const existing = await createStaff(['content']);
    const res = await call('/api/admin/staff/invitations', {
      cookie: admin,
      body: { email: existing.email, name: 'X', roles: ['content'] },
    });
    expect(res.status).toBe(409);
    const content = await loginCookie('staff', existing);
    const denied = await call('/api/admin/staff/invitations', {
      cookie: content,
      body: { email: 'x@example.com', name: 'X', roles: ['admin'] },
    });
    expect(denied.status).toBe(403);
  });
});

describe('roles and disabling', () => {
  it('a role change is audited with before and after, and ends the member’s sessions', async () => {
    const member = await createStaff(['content']);
    const session = await loginCookie('staff', member);
    const res = await call(`/api/admin/staff/${member.id}/roles`, {
      method: 'PUT',
      cookie: admin,
      body: { roles: ['warehouse'] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: member.id, roles: ['warehouse'] });
    expect((await call('/api/staff/me', { cookie: session })).status).toBe(401);
    const audit = (await (
      await call(`/api/admin/audit?entityId=${member.id}`, { cookie: admin })
    ).json()) as AuditPage;
    const entry = audit.items.find((e) => e.action === 'staff.roles')!;
    expect(entry.before).toMatchObject({ roles: ['content'] });
    expect(entry.after).toMatchObject({ roles: ['warehouse'] });
    expect(JSON.stringify(entry)).not.toContain('scrypt$');
  });

  it('saving the roles a member already has writes nothing to the audit log', async () => {
    const member = await createStaff(['content', 'warehouse']);
    const res = await call(`/api/admin/staff/${member.id}/roles`, {
      method: 'PUT',
      cookie: admin,
      body: { roles: ['warehouse', 'content'] },
    });
    expect(res.status).toBe(200);
    const audit = (await (
      await call(`/api/admin/audit?entityId=${member.id}`, { cookie: admin })
    ).json()) as AuditPage;
    expect(audit.items).toEqual([]);
  });

  it('bad role changes are refused and change nothing', async () => {
    const member = await createStaff(['content']);
    for (const body of [
      { roles: [] },
      { roles: ['owner'] },
      { roles: ['admin'], extra: 1 },
      { roles: 'admin' },
    ]) {
      expect(
        (await call(`/api/admin/staff/${member.id}/roles`, { method: 'PUT', cookie: admin, body })).status,
      ).toBe(400);
    }
    const team = (await (await call('/api/admin/staff', { cookie: admin })).json()) as {
      items: { id: string; roles: string[] }[];
    };
    expect(team.items.find((s) => s.id === member.id)?.roles).toEqual(['content']);
  });

  it('nobody disables themselves, and the last enabled administrator cannot lose the role', async () => {
    const me = (await (await call('/api/staff/me', { cookie: admin })).json()) as { id: string };
    expect((await call(`/api/admin/staff/${me.id}/disable`, { cookie: admin, method: 'POST' })).status).toBe(
      409,
    );

    // Disable every other administrator, then try to demote this one.
    const team = (await (await call('/api/admin/staff', { cookie: admin })).json()) as {
      items: { id: string; roles: string[]; disabled: boolean }[];
    };
    for (const s of team.items.filter((s) => s.id !== me.id && s.roles.includes('admin') && !s.disabled)) {
      expect((await call(`/api/admin/staff/${s.id}/disable`, { cookie: admin, method: 'POST' })).status).toBe(
        200,
      );
    }
    const demote = await call(`/api/admin/staff/${me.id}/roles`, {
      method: 'PUT',
      cookie: admin,
      body: { roles: ['content'] },
    });
    expect(demote.status).toBe(409);
    expect((await call('/api/staff/me', { cookie: admin })).status).toBe(200);
  });

  it('a disabled member is audited and can be enabled again', async () => {
    const member = await createStaff(['warehouse']);
    expect(
      (await call(`/api/admin/staff/${member.id}/disable`, { cookie: admin, method: 'POST' })).status,
    ).toBe(200);
    expect(
      (await call('/api/staff/login', { body: { email: member.email, password: member.password } })).status,
    ).toBe(401);
    expect(
      (await call(`/api/admin/staff/${member.id}/enable`, { cookie: admin, method: 'POST' })).status,
    ).toBe(200);
    expect(
      (await call('/api/staff/login', { body: { email: member.email, password: member.password } })).status,
    ).toBe(200);
    const audit = (await (
      await call(`/api/admin/audit?entityId=${member.id}`, { cookie: admin })
    ).json()) as AuditPage;
    expect(audit.items.map((e) => e.action)).toEqual(['staff.enable', 'staff.disable']);
  });
});

describe('a locked staff login', () => {
  it('mails the member an unlock link to the back office’s own page', async () => {
    const member = await createStaff(['warehouse']);
    for (let i = 0; i < 5; i++) {
      expect(
        (await call('/api/staff/login', { body: { email: member.email, password: `guess-${i}-xx` } })).status,
      ).toBe(401);
    }
    expect(
      (await call('/api/staff/login', { body: { email: member.email, password: member.password } })).status,
    ).toBe(429);
    const mail = await waitForEmail(member.email, 'account-unlock');
    expect(mail.textBody).toContain('/admin/unlock?token=');
    expect((await call('/api/account/unlock', { body: { token: tokenIn(mail.textBody) } })).status).toBe(204);
    expect(
      (await call('/api/staff/login', { body: { email: member.email, password: member.password } })).status,
    ).toBe(200);
  });
});
