/**
 * Bindings and variables the Worker receives, for the API, the jobs and the Qwik loaders. The bindings are generated
 * from wrangler.toml by `npm run types` (worker/bindings.d.ts; `npm run typecheck` fails when it is stale), so this
 * type cannot drift from the configuration. Lower layers declare the narrow part they read (db/client DbEnv, CartDO's
 * CartEnv), so nothing below worker/ imports this file.
 */
export interface Env extends WorkerBindings {
  /** When set (as secrets), the Drizzle client talks to Turso/libSQL instead of D1. */
  TURSO_DATABASE_URL?: string;
  TURSO_AUTH_TOKEN?: string;
  /** When both are set (as secrets), rate limits are counted in Upstash Redis instead of the Workers bindings. */
  UPSTASH_REDIS_REST_URL?: string;
  UPSTASH_REDIS_REST_TOKEN?: string;
  /**
   * Secrets, `<id>:<secret>`: the pepper mixed into new password hashes, and the one before it (still verifying
   * until its hashes are upgraded at the next login). Unset: no pepper (worker/services/identity/passwords).
   */
  PASSWORD_PEPPER?: string;
  PASSWORD_PEPPER_PREVIOUS?: string;
  /** The shop's public origin (https://shop.example) for links in emails; unset: each request's own origin. */
  SHOP_URL?: string;
  /** Email (worker/services/email/mailer.ts): the provider's endpoint and key for EMAIL_TRANSPORT=https. */
  EMAIL_HTTPS_URL?: string;
  EMAIL_HTTPS_TOKEN?: string;
  /** Signs the local test gateway's webhooks (worker/services/checkout/gateways.ts); a built-in value when unset. */
  TEST_GATEWAY_SECRET?: string;
  /**
   * Stripe (secrets; worker/services/checkout/gateways.ts offers Stripe only when the three keys are set). The
   * STRIPE_API_* variables exist for tests: they point the SDK at the local stand-in instead of api.stripe.com.
   */
  STRIPE_SECRET_KEY?: string;
  STRIPE_PUBLISHABLE_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_HOST?: string;
  STRIPE_API_PORT?: string;
  STRIPE_API_PROTOCOL?: string;
  /** PayPal (secrets; offered when the first three are set). PAYPAL_API_BASE: the sandbox, or the tests' stand-in. */
  PAYPAL_CLIENT_ID?: string;
  PAYPAL_CLIENT_SECRET?: string;
  PAYPAL_WEBHOOK_ID?: string;
  PAYPAL_API_BASE?: string;
  /** The `send_email` binding for EMAIL_TRANSPORT=send_email: a deployment adds [[send_email]] (see wrangler.toml). */
  EMAIL?: SendEmail;
}
