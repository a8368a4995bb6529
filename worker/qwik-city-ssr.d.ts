/** The Qwik City SSR build (server/entry.cloudflare-pages.js), aliased in wrangler.toml. */
declare module 'qwik-city-ssr' {
  export const fetch: (
    request: Request,
    env: Record<string, unknown>,
    ctx: ExecutionContext,
  ) => Promise<Response>;
}
