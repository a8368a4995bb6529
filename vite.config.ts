/** Vite build of the Qwik City app (client bundle to dist/); the SSR build extends it in adapters/cloudflare-pages. */
import { qwikVite } from '@builder.io/qwik/optimizer';
import { qwikCity } from '@builder.io/qwik-city/vite';
import { defineConfig } from 'vite';
import { aliases } from './aliases.mjs';

export default defineConfig(() => ({
  plugins: [
    qwikCity({ routesDir: './app/routes', trailingSlash: false }),
    // Request rewrites (`throw rewrite(path)`, Qwik City 1.15+) render the back office's 403 page in place of a
    // refused page (app/routes/admin/layout.tsx); Qwik 1.x still ships them behind this flag.
    qwikVite({ srcDir: './app', experimental: ['enableRequestRewrite'] }),
  ],
  resolve: { alias: aliases },
  build: { outDir: 'dist' },
  server: { headers: { 'Cache-Control': 'public, max-age=0' } },
}));
