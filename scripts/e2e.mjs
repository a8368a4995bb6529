/**
 * The e2e layer of `npm test`: finds Chromium (scripts/chromium.mjs), installs Debian's package when it can
 * (root + apt-get, unless E2E_NO_INSTALL=1), otherwise stops with one sentence saying what to run (exit 1).
 * Then runs `playwright test` with CHROMIUM_PATH set to the browser found; extra arguments go to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { canInstallChromium, findAptGet, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

let chromium = findChromium();
if (!chromium && canInstallChromium()) {
  const aptGet = findAptGet();
  console.log('e2e: no Chromium found; installing Debian’s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync(aptGet, ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status === 0) {
    spawnSync(aptGet, ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
  }
  chromium = findChromium();
}
if (!chromium) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const result = spawnSync('playwright', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (result.error)
  console.error(
    `✗ e2e: could not start Playwright (${result.error.message}); run it through npm (npm test).`,
  );
process.exit(result.status ?? 1);
