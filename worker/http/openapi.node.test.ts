/**
 * The generated OpenAPI document is a valid OpenAPI 3.1 document and lists exactly the API routes the app serves.
 * Runs in Node (the `unit` project): the document validator reads its meta-schemas from disk. That the Worker's
 * real responses match the document is tests/integration/openapi-contract.test.ts (inside workerd).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '@worker/app';
import { describe, expect, it } from 'vitest';
import { OPENAPI_INFO } from './openapi';

/**
 * Served under /api but not operations of the API: the document itself, its reference page, and the benchmark's
 * no-middleware floor (answered before any middleware, so without the API's headers and problems).
 */
const META_ROUTES = new Set(['/api/openapi.json', '/api/docs', '/api/__ping']);

const app = createApp();
const doc = JSON.parse(JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO))) as {
  paths?: Record<string, Record<string, unknown>>;
};

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every API route the app serves, and no other', () => {
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !META_ROUTES.has(r.path))
      .map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(served)).toEqual(new Set(documented));
  });
});
