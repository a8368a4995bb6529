/** Last build step: bundles app/sw.ts (Vite/Rollup) and injects the precache manifest of dist/ (workbox-build) into dist/sw.js. */
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { injectManifest } from 'workbox-build';
import { aliases } from '../aliases.mjs';

const TEMP_DIR = 'tmp/sw';
const TEMP_SW = `${TEMP_DIR}/sw.bundle.js`;

/** The app shell: Qwik's hashed chunks and bundle graph, styles, and the files the offline experience needs. */
const GLOB_PATTERNS = [
  'build/**/*.js',
  'assets/**/*.{js,css,json}',
  'manifest.webmanifest',
  'icons/*.png',
  'favicon.svg',
  'offline.html',
  'offline-catalog.html',
  'offline-catalog.js',
];

/** Adapter and deployment files that are not served to browsers, plus pages the Worker renders itself. */
const GLOB_IGNORES = [
  '_worker.js',
  '_worker.js/**',
  '_routes.json',
  '_headers',
  '.assetsignore',
  'q-manifest.json',
  'sw.js',
];

/**
 * Qwik chunks only the back office uses (every source they hold lives under app/routes/admin or app/components/admin,
 * per dist/q-manifest.json): shoppers never need them offline, so the SW does not make every shopper download them.
 * Staff pages load them from the network as they always do.
 */
function backOfficeOnlyChunks() {
  const manifest = JSON.parse(readFileSync('dist/q-manifest.json', 'utf8'));
  const staffOnly = (origin) => /^app\/(routes|components)\/admin\//.test(origin);
  return Object.entries(manifest.bundles)
    .filter(([, b]) => b.origins?.length > 0 && b.origins.every(staffOnly))
    .map(([name]) => `build/${name}`);
}

/** Every file the precache must hold, or the SW would install without an offline fallback. */
const REQUIRED = [
  'offline.html',
  'offline-catalog.html',
  'offline-catalog.js',
  'manifest.webmanifest',
  'favicon.svg',
];

/**
 * Rollup rather than plain esbuild: the SW bundles the outbox, whose schemas use `import { z } from 'zod'`, and
 * esbuild keeps every export of that namespace (all of zod's locales and JSON Schema code: 590 KB against 220 KB).
 * A SW cannot import() lazily, so everything it needs is inlined into one classic script.
 */
await build({
  configFile: false,
  publicDir: false,
  resolve: { alias: aliases },
  logLevel: 'warn',
  // Workbox strips its dev-only logging and assertions when NODE_ENV is production.
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: TEMP_DIR,
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: 'app/sw.ts',
      output: { format: 'iife', entryFileNames: 'sw.bundle.js', inlineDynamicImports: true },
      // zod places some /* @__PURE__ */ comments where Rollup cannot use them; harmless, and noisy on every build.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});

/**
 * The offline catalog shell's script (app/lib/offline/catalog-shell.ts, with Dexie): a file of its own, loaded only by
 * public/offline-catalog.html, so no Qwik page carries it. Same-origin, so the static CSP's script-src 'self' allows it.
 */
const SHELL_DIR = 'tmp/offline-catalog';
/** Where the scanner's WebAssembly is served (app/lib/warehouse/zxing-wasm-path.ts names the same path). */
const ZXING_WASM_PATH = '/vendor/zxing_reader.wasm';
await build({
  configFile: false,
  publicDir: false,
  resolve: { alias: aliases },
  logLevel: 'warn',
  build: {
    outDir: SHELL_DIR,
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: 'app/lib/offline/catalog-shell.ts',
      output: { format: 'es', entryFileNames: 'offline-catalog.js', inlineDynamicImports: true },
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
copyFileSync(`${SHELL_DIR}/offline-catalog.js`, 'dist/offline-catalog.js');

const backOffice = backOfficeOnlyChunks();
const { count, size, warnings } = await injectManifest({
  swSrc: TEMP_SW,
  swDest: 'dist/sw.js',
  globDirectory: 'dist',
  globPatterns: GLOB_PATTERNS,
  globIgnores: [...GLOB_IGNORES, ...backOffice],
  // Qwik and Vite put a content hash in these names: no revision query is needed, so the URLs stay cache-friendly.
  dontCacheBustURLsMatching: /^(build|assets)\//,
  maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
});

for (const warning of warnings) console.warn(`⚠ build-sw: ${warning}`);
// The barcode scanner's WebAssembly (the warehouse app's BarcodeDetector ponyfill, only where the browser lacks the
// API), served from our own origin rather than the package's default CDN. Copied after the precache manifest was
// made: shoppers never download it; the service worker keeps it once a tablet has used it.
mkdirSync('dist/vendor', { recursive: true });
copyFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', `dist/${ZXING_WASM_PATH.slice(1)}`);
const swText = readFileSync('dist/sw.js', 'utf8');
const missing = REQUIRED.filter((url) => !swText.includes(`"url":"${url}"`));
if (missing.length > 0) {
  console.error(`✗ build-sw: the precache lacks ${missing.join(', ')} (is public/ copied into dist/?)`);
  process.exit(1);
}
const leaked = backOffice.filter((url) => swText.includes(`"url":"${url}"`));
if (backOffice.length === 0 || leaked.length > 0) {
  console.error(
    `✗ build-sw: back-office chunks found ${backOffice.length}, precached anyway: ${leaked.join(', ')}`,
  );
  process.exit(1);
}
const swKiB = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `✓ dist/sw.js: ${swKiB(statSync('dist/sw.js').size)} KiB (${swKiB(gzipSync(swText).length)} KiB gzip), ` +
    `precaches ${count} files, ${swKiB(size)} KiB (${backOffice.length} back-office chunks left out); ` +
    'dist/offline-catalog.js: ' +
    `${swKiB(gzipSync(readFileSync('dist/offline-catalog.js')).length)} KiB gzip`,
);
