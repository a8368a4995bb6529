/**
 * The promotions back office through the real Worker and D1: administrators create and change promotions with
 * case-insensitive codes that are never reused, bad input is refused with nothing written, 10,000 single-use codes
 * come out unique and as CSV, a batch can be deactivated; content managers and warehouse staff cannot touch any of it.
 */
import { createStaff, loginCookie } from '@tests/support/accounts';
import { jsonBody, newClient, seedSmallStore } from '@tests/support/workerd';
import { beforeAll, describe, expect, it } from 'vitest';

const api = newClient();
let admin: string;
let content: string;
let warehouse: string;

beforeAll(async () => {
  await seedSmallStore();
  const cookieFor = (role: 'admin' | 'content' | 'warehouse') =>
    createStaff([role]).then((s) => loginCookie('staff', s));
  [admin, content, warehouse] = await Promise.all([
    cookieFor('admin'),
    cookieFor('content'),
    cookieFor('warehouse'),
  ]);
});

const as = (cookie: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), Cookie: cookie },
});
const post = (cookie: string, path: string, body: unknown) => api(path, as(cookie, jsonBody(body)));
const put = (cookie: string, path: string, body: unknown) =>
  api(path, as(cookie, { ...jsonBody(body), method: 'PUT' }));
let serial = 0;
const uniqueCode = (stem: string) => `${stem}${++serial}${Date.now().toString(36)}`.toUpperCase();
const codePromotion = (code: string, extra: Record<string, unknown> = {}) => ({
  name: `Promotion ${code}`,
  trigger: { kind: 'code', codes: [code.toLowerCase()] },
  benefit: { kind: 'order_percentage', basisPoints: 1500 },
  ...extra,
});
async function promotionCount(): Promise<number> {
  const res = await api('/api/admin/promotions', as(admin));
  return ((await res.json()) as { items: unknown[] }).items.length;
}

describe('promotions in the back office', () => {
  it('creates a code promotion with its code upper-cased, lists it and changes it', async () => {
    const code = uniqueCode('summer');
    const res = await post(admin, '/api/admin/promotions', codePromotion(code, { usageLimit: 100 }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; trigger: { codes: string[] }; uses: number };
    expect(created.trigger.codes).toEqual([code]);
    expect(created.uses).toBe(0);
    const list = (await (await api('/api/admin/promotions', as(admin))).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((p) => p.id)).toContain(created.id);

    const renamedCode = uniqueCode('autumn');
    const changed = await put(admin, `/api/admin/promotions/${created.id}`, {
      ...codePromotion(renamedCode),
      name: 'Autumn',
      benefit: { kind: 'order_fixed', amount: { amount: 500, currency: 'USD' } },
    });
    expect(changed.status).toBe(200);
    const after = (await changed.json()) as { name: string; trigger: { codes: string[] }; benefit: unknown };
    expect(after.name).toBe('Autumn');
    expect(after.trigger.codes).toEqual([renamedCode]);
    expect(after.benefit).toEqual({ kind: 'order_fixed', amount: { amount: 500, currency: 'USD' } });
    // The dropped code is kept (deactivated), so nobody else can take it.
    const reuse = await post(admin, '/api/admin/promotions', codePromotion(code));
    expect(reuse.status).toBe(409);
  });

  it('refuses bad promotions with a problem and writes nothing', async () => {
    const before = await promotionCount();
    const code = uniqueCode('bad');
    const bad: unknown[] = [
      codePromotion(code, { benefit: { kind: 'order_percentage', basisPoints: 0 } }),
      codePromotion(code, { benefit: { kind: 'order_percentage', basisPoints: 10_001 } }),
      codePromotion(code, { benefit: { kind: 'order_fixed', amount: { amount: -500, currency: 'USD' } } }),
      codePromotion(code, { benefit: { kind: 'order_fixed', amount: { amount: 2 ** 60, currency: 'USD' } } }),
      codePromotion(code, { startsAt: Date.UTC(2027, 0, 2), endsAt: Date.UTC(2027, 0, 1) }),
      codePromotion(code, { usageLimit: -1 }),
      codePromotion(code, { usageLimit: 5, perCustomerLimit: 6 }),
      codePromotion(code, { surprise: true }),
      { ...codePromotion(code), trigger: { kind: 'code', codes: ['<script>'] } },
      { ...codePromotion(code), trigger: { kind: 'code', codes: [code, code.toLowerCase()] } },
      { ...codePromotion(code), name: 'x'.repeat(500) },
      'not an object',
    ];
    for (const body of bad) {
      const res = await post(admin, '/api/admin/promotions', body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect(await promotionCount()).toBe(before);
  });

  it('generates 10,000 unique single-use codes, exports them as CSV and deactivates the batch', async () => {
    const created = (await (
      await post(admin, '/api/admin/promotions', codePromotion(uniqueCode('bulk')))
    ).json()) as {
      id: string;
    };
    const res = await post(admin, `/api/admin/promotions/${created.id}/code-batches`, {
      quantity: 10_000,
      prefix: 'gift',
    });
    expect(res.status).toBe(201);
    const batch = (await res.json()) as { id: string; created: number; prefix: string };
    expect(batch).toMatchObject({ created: 10_000, prefix: 'GIFT' });

    const csvPath = `/api/admin/promotions/${created.id}/code-batches/${batch.id}/codes.csv`;
    const csv = await api(csvPath, as(admin));
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('code,used,active');
    const codes = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(codes).toHaveLength(10_000);
    expect(new Set(codes).size).toBe(10_000);
    for (const c of codes.slice(0, 50)) expect(c).toMatch(/^GIFT-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(lines[1]).toMatch(/,no,yes$/);

    const off = await api(
      `/api/admin/promotions/${created.id}/code-batches/${batch.id}/deactivate`,
      as(admin, { method: 'POST' }),
    );
    expect(off.status).toBe(200);
    expect(((await off.json()) as { deactivatedAt: number | null }).deactivatedAt).toEqual(
      expect.any(Number),
    );
    expect((await (await api(csvPath, as(admin))).text()).split(/\r?\n/)[1]).toMatch(/,no,no$/);
  });

  it('refuses more than 10,000 codes at once and codes for an automatic promotion', async () => {
    const created = (await (
      await post(admin, '/api/admin/promotions', codePromotion(uniqueCode('cap')))
    ).json()) as {
      id: string;
    };
    expect(
      (await post(admin, `/api/admin/promotions/${created.id}/code-batches`, { quantity: 10_001 })).status,
    ).toBe(400);
    expect(
      (await post(admin, `/api/admin/promotions/${created.id}/code-batches`, { quantity: 0 })).status,
    ).toBe(400);
    const auto = (await (
      await post(admin, '/api/admin/promotions', {
        name: 'Auto',
        trigger: { kind: 'automatic' },
        benefit: { kind: 'free_shipping' },
      })
    ).json()) as { id: string };
    expect((await post(admin, `/api/admin/promotions/${auto.id}/code-batches`, { quantity: 5 })).status).toBe(
      409,
    );
  });

  it('is closed to content managers, warehouse staff and anonymous callers', async () => {
    const body = codePromotion(uniqueCode('nope'));
    for (const cookie of [content, warehouse]) {
      expect((await api('/api/admin/promotions', as(cookie))).status).toBe(403);
      expect((await post(cookie, '/api/admin/promotions', body)).status).toBe(403);
    }
    expect((await api('/api/admin/promotions')).status).toBe(401);
    expect((await api('/api/admin/promotions', jsonBody(body))).status).toBe(401);
  });
});

describe('automatic promotions for offline totals', () => {
  it('lists active automatic promotions, never one limited to listed customers, nor codes', async () => {
    const open = {
      name: `Open ${uniqueCode('o')}`,
      trigger: { kind: 'automatic' },
      benefit: { kind: 'order_percentage', basisPoints: 100 },
    };
    const private_ = {
      ...open,
      name: `Private ${uniqueCode('p')}`,
      conditions: { customerEmails: ['vip@example.com'] },
    };
    const code = codePromotion(uniqueCode('hidden'));
    for (const body of [open, private_, code])
      expect((await post(admin, '/api/admin/promotions', body)).status).toBe(201);
    // The list is kept per page version in each isolate; the writes above bumped it.
    await new Promise((r) => setTimeout(r, 1100));
    const res = await api('/api/promotions/automatic');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { promotions: { name: string }[] };
    const names = body.promotions.map((p) => p.name);
    expect(names).toContain(open.name);
    expect(names).not.toContain(private_.name);
    expect(names).not.toContain(code.name);
    expect(JSON.stringify(body)).not.toContain('vip@example.com');
  });
});
