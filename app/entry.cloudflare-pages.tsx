/** The Qwik City request handler the Worker mounts as its catch-all (see worker/index.ts). */
import {
  createQwikCity,
  type PlatformCloudflarePages,
} from '@builder.io/qwik-city/middleware/cloudflare-pages';
import qwikCityPlan from '@qwik-city-plan';
import type { Env } from '@worker/env';
import render from './entry.ssr';

declare global {
  interface QwikCityPlatform extends PlatformCloudflarePages {
    env: Env;
  }
}

const fetch = createQwikCity({ render, qwikCityPlan });

export { fetch };
