/** Faults nobody planned for: a generic, logged 500 problem with the request id and no internals. */
import { env } from 'cloudflare:test';
import { createApp } from '@worker/app';
import { problemFrom } from '@worker/http/problem';
import { describe, expect, it, vi } from 'vitest';

describe('an unexpected error', () => {
  it('becomes a 500 problem that names the request id and leaks nothing', async () => {
    const app = createApp();
    app.get('/boom', () => {
      throw new Error('SQLITE_CONSTRAINT: secret internal detail');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const res = await app.request('/boom', {}, env);

    expect(res.status).toBe(500);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const body = (await res.json()) as { code: string; detail: string; requestId: string };
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.requestId).toBe(res.headers.get('X-Request-Id'));
    expect(body.detail).toContain(body.requestId);
    expect(JSON.stringify(body)).not.toContain('SQLITE');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(body.requestId));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('secret internal detail'));
    logged.mockRestore();
  });
});

describe("a domain error's details", () => {
  it('are nested under meta and cannot overwrite the problem’s own members', async () => {
    const app = createApp();
    app.post('/forged', () => {
      throw problemFrom({
        code: 'CONFLICT',
        detail: 'clash',
        meta: { status: 200, requestId: 'forged', code: 'OK', title: 'fine', available: 3 },
      });
    });
    const res = await app.request('/forged', { method: 'POST' }, env);
    expect(res.status).toBe(409);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 409, code: 'CONFLICT', title: 'Conflict', detail: 'clash' });
    expect(body.requestId).toBe(res.headers.get('X-Request-Id'));
    expect(body.meta).toEqual({ status: 200, requestId: 'forged', code: 'OK', title: 'fine', available: 3 });
    expect(body.available).toBeUndefined();
  });
});
