/** Shared set-up for workerd integration tests: a small seeded store and a fetch into the Worker. */
import { env, SELF } from 'cloudflare:test';
import { createDb } from '@db/client';
import { generateSeed, type SeedData } from '@db/seed/generate';
import { insertSeed } from '@db/seed/insert';
import { TEST_SCRYPT_COST } from '@domain/identity/password';
import { freshIp } from './accounts';

/** The fixed clock of the seeded store. */
export const SEED_NOW = Date.UTC(2026, 10, 1);

/** Seeds a 12-product store into the test D1 (fast scrypt: these are not real passwords). */
export async function seedSmallStore(): Promise<SeedData> {
  const data = await generateSeed({
    now: SEED_NOW,
    productCount: 12,
    passwordCost: TEST_SCRYPT_COST,
    demoSale: false,
  });
  await insertSeed(createDb(env), data);
  return data;
}

/** A client with its own IP, so the rate limiter of one test does not throttle another (see freshIp). */
export function newClient() {
  const ip = freshIp();
  return (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('CF-Connecting-IP', ip);
    return SELF.fetch(new Request(`http://shop.test${path}`, { ...init, headers }));
  };
}

/** JSON request options. */
export function jsonBody(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** A variant that has at least `min` units on hand. */
export function stockedSku(data: SeedData, min = 5): string {
  const level = data.inventory.find((l) => l.onHand >= min);
  if (!level) throw new Error(`seed has no SKU with ${min} units`);
  return level.sku;
}
