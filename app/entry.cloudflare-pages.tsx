/** The Qwik City request handler the Worker mounts as its catch-all (see worker/index.ts). */
import {
  createQwikCity,
  type PlatformCloudflarePages,
} from '@builder.io/qwik-city/middleware/cloudflare-pages';
import qwikCityPlan from '@qwik-city-plan';
import { manifest } from '@qwik-client-manifest';
import type { Env } from '@worker/env';
import render from './entry.ssr';

declare global {
  interface QwikCityPlatform extends PlatformCloudflarePages {
    env: Env;
  }
}

const fetch = createQwikCity({ render, qwikCityPlan });

/** Names this build of the pages (its scripts' content hash): the edge cache keeps each build's pages apart. */
const buildId: string = manifest?.manifestHash ?? 'dev';

export { buildId, fetch };
