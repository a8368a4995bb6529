/** scripts/chromium.mjs: where the e2e layer looks for Chromium, and when it may install it. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canInstallChromium, findChromium } from './chromium.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary bin directory holding executables with these names. */
function binDir(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-test-'));
  dirs.push(dir);
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH, then the fixed locations, then chromium and chromium-browser on PATH', () => {
    const a = binDir('my-chromium');
    const b = binDir('chromium');
    const c = binDir('chromium-browser');
    expect(findChromium({ CHROMIUM_PATH: join(a, 'my-chromium'), PATH: b })).toBe(join(a, 'my-chromium'));
    expect(findChromium({ CHROMIUM_SEARCH_PATHS: join(b, 'chromium'), PATH: c })).toBe(join(b, 'chromium'));
    expect(findChromium({ CHROMIUM_SEARCH_PATHS: '', PATH: `${c}:${b}` })).toBe(join(b, 'chromium'));
    expect(findChromium({ CHROMIUM_SEARCH_PATHS: '', PATH: c })).toBe(join(c, 'chromium-browser'));
  });

  it('finds nothing when none exists (a CHROMIUM_PATH that is not an executable file is skipped)', () => {
    const empty = binDir();
    expect(
      findChromium({ CHROMIUM_PATH: join(empty, 'nope'), CHROMIUM_SEARCH_PATHS: '', PATH: empty }),
    ).toBeNull();
  });
});

describe('canInstallChromium', () => {
  it('only as root, with apt-get on PATH, and not when E2E_NO_INSTALL=1', () => {
    const apt = binDir('apt-get');
    expect(canInstallChromium({ env: { PATH: apt }, uid: 0 })).toBe(true);
    expect(canInstallChromium({ env: { PATH: apt }, uid: 1000 })).toBe(false);
    expect(canInstallChromium({ env: { PATH: binDir() }, uid: 0 })).toBe(false);
    expect(canInstallChromium({ env: { PATH: apt, E2E_NO_INSTALL: '1' }, uid: 0 })).toBe(false);
  });
});
