/** Two test projects: `unit` (Node: pure domain rules, libSQL repositories) and `workerd` (the Worker, DOs and D1 inside workerd). */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { configDefaults, defineConfig } from 'vitest/config';
import { aliases } from './aliases.mjs';

/** The webhook signing secret the workerd tests sign Stripe events with (tests/integration/payments). */
const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_stand_in_secret';

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
            cloudflareTest(({ inject }) => ({
              main: './tests/support/worker-entry.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  // Stripe is configured against the local stand-in started by tests/support/global-setup.ts.
                  STRIPE_SECRET_KEY: inject('stripeStandInSecretKey'),
                  STRIPE_PUBLISHABLE_KEY: 'pk_test_stand_in',
                  STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
                  STRIPE_API_HOST: '127.0.0.1',
                  STRIPE_API_PORT: String(inject('stripeStandInPort')),
                  STRIPE_API_PROTOCOL: 'http',
                  // PayPal likewise, against its stand-in.
                  PAYPAL_CLIENT_ID: inject('paypalStandIn').clientId,
                  PAYPAL_CLIENT_SECRET: inject('paypalStandIn').clientSecret,
                  PAYPAL_WEBHOOK_ID: inject('paypalStandIn').webhookId,
                  PAYPAL_API_BASE: inject('paypalStandIn').base,
                },
                // Miniflare's local send_email binding (it parses and checks the raw MIME); wrangler.toml leaves it
                // commented because only deployments with Cloudflare Email Service need it.
                email: { send_email: [{ name: 'EMAIL' }] },
              },
            })),
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
            globalSetup: ['./tests/support/global-setup.ts'],
          },
        },
      ],
    },
  };
});
