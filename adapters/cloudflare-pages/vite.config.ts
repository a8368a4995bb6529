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
      // Workers runtime modules (`cloudflare:email`, reached by the account pages through the mailer) exist only in
      // workerd: wrangler's bundler resolves them when it bundles server/ into the Worker.
      external: [/^cloudflare:/],
    },
  },
  // No static generation: every page is rendered by the Worker (and kept by its edge cache). SSG also wrote an empty
  // dist/sitemap.xml, which the asset router served in place of the Worker's.
  plugins: [cloudflarePagesAdapter({ functionRoutes: false, ssg: null })],
}));
