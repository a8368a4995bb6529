/** Last build step: bundles app/sw.ts with esbuild and injects the precache manifest of dist/ (workbox-build) into dist/sw.js. */
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const TEMP_SW = 'tmp/sw.bundle.js';

/** The app shell: Qwik's hashed chunks and bundle graph, styles, and the files the offline experience needs. */
const GLOB_PATTERNS = [
  'build/**/*.js',
  'assets/**/*.{js,css,json}',
  'manifest.webmanifest',
  'icons/*.png',
  'favicon.svg',
  'offline.html',
];

/** Adapter and deployment files that are not served to browsers, plus pages the Worker renders itself. */
const GLOB_IGNORES = [
  '_worker.js',
  '_worker.js/**',
  '_routes.json',
  '_headers',
  '.assetsignore',
  'q-manifest.json',
  '404.html',
  'sitemap.xml',
  'sw.js',
];

/** Every file the precache must hold, or the SW would install without an offline fallback. */
const REQUIRED = ['offline.html', 'manifest.webmanifest', 'favicon.svg'];

mkdirSync('tmp', { recursive: true });
await build({
  entryPoints: ['app/sw.ts'],
  outfile: TEMP_SW,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  // Workbox strips its dev-only logging and assertions when NODE_ENV is production.
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
});

const { count, size, warnings } = await injectManifest({
  swSrc: TEMP_SW,
  swDest: 'dist/sw.js',
  globDirectory: 'dist',
  globPatterns: GLOB_PATTERNS,
  globIgnores: GLOB_IGNORES,
  // Qwik and Vite put a content hash in these names: no revision query is needed, so the URLs stay cache-friendly.
  dontCacheBustURLsMatching: /^(build|assets)\//,
  maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
});

for (const warning of warnings) console.warn(`⚠ build-sw: ${warning}`);
const swText = readFileSync('dist/sw.js', 'utf8');
const missing = REQUIRED.filter((url) => !swText.includes(`"url":"${url}"`));
if (missing.length > 0) {
  console.error(`✗ build-sw: the precache lacks ${missing.join(', ')} (is public/ copied into dist/?)`);
  process.exit(1);
}
console.log(`✓ dist/sw.js: precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);
