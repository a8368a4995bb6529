/** SSR build: app/entry.cloudflare-pages.tsx to server/, imported by the Worker (worker/index.ts). */
import { cloudflarePagesAdapter } from '@builder.io/qwik-city/adapters/cloudflare-pages/vite';
import { extendConfig } from '@builder.io/qwik-city/vite';
import baseConfig from '../../vite.config';

export default extendConfig(baseConfig, () => ({
  build: {
    ssr: true,
    outDir: 'server',
    rollupOptions: {
      input: ['app/entry.cloudflare-pages.tsx', '@qwik-city-plan'],
      // Workers runtime modules (`cloudflare:email`, which pages reach through the account emails) are resolved by
      // wrangler's bundle, not here.
      external: [/^cloudflare:/],
    },
  },
  plugins: [cloudflarePagesAdapter({ functionRoutes: false })],
}));
