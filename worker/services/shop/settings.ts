/** The shop's settings that every page, error page and (later) email shows: one reading of wrangler.toml's [vars]. */

/** What pages need to present the shop. */
export interface ShopSettings {
  name: string;
}

/** The shop's settings from the environment (SHOP_NAME in wrangler.toml [vars] or a deployment's variables). */
export function shopSettings(env: { SHOP_NAME?: string } | undefined): ShopSettings {
  // The name is configuration, not code: a deployment without one says "Shop" rather than another shop's name.
  return { name: env?.SHOP_NAME?.trim() || 'Shop' };
}

/**
 * The shop's public origin, for links that leave the request (emails, the sitemap): SHOP_URL when set, else the
 * request's own. On Cloudflare a request reaches this Worker only for the hosts routed to it; SHOP_URL pins one.
 */
export function publicOrigin(env: { SHOP_URL?: string }, requestUrl: string): string {
  return env.SHOP_URL ? new URL(env.SHOP_URL).origin : new URL(requestUrl).origin;
}
