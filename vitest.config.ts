/** Two test projects: `unit` (Node: pure domain rules, libSQL repositories) and `workerd` (the Worker, DOs and D1 inside workerd). */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';
import { aliases } from './aliases.mjs';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./db/migrations');
  return {
    test: {
      projects: [
        {
          resolve: { alias: aliases },
          test: {
            name: 'unit',
            environment: 'node',
            include: [
              'domain/**/*.test.ts',
              'db/**/*.test.ts',
              'app/**/*.test.ts',
              'scripts/**/*.test.ts',
              'tests/unit/**/*.test.ts',
              // Node-only checks of Worker code (e.g. the OpenAPI document's validity).
              'worker/**/*.node.test.ts',
            ],
          },
        },
        {
          resolve: { alias: aliases },
          plugins: [
            cloudflareTest({
              main: './tests/support/worker-entry.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations },
                // Miniflare's local send_email binding (it parses and checks the raw MIME); wrangler.toml leaves it
                // commented because only deployments with Cloudflare Email Service need it.
                email: { send_email: [{ name: 'EMAIL' }] },
              },
            }),
          ],
          test: {
            name: 'workerd',
            include: [
              'tests/integration/**/*.test.ts',
              'durable-objects/**/*.test.ts',
              'worker/**/*.test.ts',
            ],
            exclude: [...configDefaults.exclude, 'worker/**/*.node.test.ts'],
            setupFiles: ['./tests/support/apply-migrations.ts'],
          },
        },
      ],
    },
  };
});
