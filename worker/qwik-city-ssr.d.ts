/** The Qwik City SSR build (server/entry.cloudflare-pages.js), aliased in wrangler.toml. */
declare module 'qwik-city-ssr' {
  export const fetch: (
    request: Request,
    env: Record<string, unknown>,
    ctx: ExecutionContext,
  ) => Promise<Response>;
  /** The page build's content hash (app/entry.cloudflare-pages.tsx): names the build in edge cache keys. */
  export const buildId: string;
}
