/** createDb picks the driver from the environment and is cheap to call per request. */
import { describe, expect, it } from 'vitest';
import { createDb } from './client';

describe('createDb', () => {
  it('returns the same client for the same env object, and a new one for another', () => {
    const env = { TURSO_DATABASE_URL: 'http://127.0.0.1:8999', TURSO_AUTH_TOKEN: 'token' };
    const db = createDb(env);
    expect(createDb(env)).toBe(db);
    expect(createDb({ ...env })).not.toBe(db);
    expect(typeof db.batch).toBe('function');
  });

  it('throws when neither D1 nor Turso is configured', () => {
    expect(() => createDb({})).toThrow(/neither TURSO_DATABASE_URL nor the DB/);
  });
});
