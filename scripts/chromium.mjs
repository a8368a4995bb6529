/**
 * Finds the Chromium the e2e tests drive (Debian's package; Playwright never downloads a browser here). Used by
 * playwright.config.ts (executablePath) and scripts/e2e.mjs (which may install it first). Order:
 *   1. CHROMIUM_PATH, when it names an executable file;
 *   2. the fixed locations, /usr/bin/chromium (CHROMIUM_SEARCH_PATHS, colon-separated, replaces the list: tests use
 *      it to simulate a machine without one);
 *   3. `chromium`, then `chromium-browser`, on PATH.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEFAULT_FIXED_PATHS = ['/usr/bin/chromium'];
const PATH_NAMES = ['chromium', 'chromium-browser'];

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a usable Chromium, or null. `env` defaults to process.env. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH && isExecutableFile(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  const fixed =
    env.CHROMIUM_SEARCH_PATHS !== undefined
      ? env.CHROMIUM_SEARCH_PATHS.split(':').filter(Boolean)
      : DEFAULT_FIXED_PATHS;
  for (const path of fixed) if (isExecutableFile(path)) return path;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutableFile(path)) return path;
    }
  }
  return null;
}

/** apt-get on PATH, or null. */
export function findAptGet(env = process.env) {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, 'apt-get');
    if (isExecutableFile(path)) return path;
  }
  return null;
}

/**
 * Whether scripts/e2e.mjs may install Debian's Chromium itself: running as root, apt-get available, and not
 * disabled by E2E_NO_INSTALL=1.
 */
export function canInstallChromium({ env = process.env, uid = process.getuid?.() ?? -1 } = {}) {
  return uid === 0 && env.E2E_NO_INSTALL !== '1' && findAptGet(env) !== null;
}

/** The one sentence shown when there is no Chromium and it cannot be installed here. */
export const NO_CHROMIUM_MESSAGE =
  '✗ e2e: no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, or chromium/chromium-browser on PATH) and it cannot be installed here (needs root and apt-get), so run `sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core` or set CHROMIUM_PATH=/path/to/chromium, then run `npm test` again.';
