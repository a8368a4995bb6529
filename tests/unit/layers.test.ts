/**
 * The layer rule (biome.json noRestrictedImports per folder) really refuses imports that go up: each probe file is
 * linted with the project's own biome.json in a scratch copy of the layout, so a loosened rule fails here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let probes = 0;

/** Lints one file holding `import … from '<specifier>'` at `path`; returns the diagnostics' messages. */
function lintImport(path: string, specifier: string): string[] {
  // Each probe gets its own copy of the layout under the project's biome.json (its overrides match relative paths).
  const dir = join(scratch, String(probes++));
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  copyFileSync(join(root, 'biome.json'), join(dir, 'biome.json'));
  writeFileSync(join(dir, path), `import { x } from '${specifier}';\n\nexport const y = x;\n`);
  const run = spawnSync(
    join(root, 'node_modules/.bin/biome'),
    ['lint', '--only=style/noRestrictedImports', '--reporter=json', path],
    { cwd: dir, encoding: 'utf8' },
  );
  const report = JSON.parse(run.stdout) as { diagnostics: { message: string }[] };
  return report.diagnostics.map((d) => d.message);
}

describe('imports only go down: app → worker → durable-objects / db → domain', () => {
  it.each([
    ['domain/catalog/probe.ts', '@db/client'],
    ['domain/catalog/probe.ts', '@worker/env'],
    ['domain/catalog/probe.ts', '../../db/client'],
    ['domain/catalog/probe.ts', 'hono'],
    ['db/repositories/probe.ts', '@durable-objects/cart'],
    ['db/repositories/probe.ts', '@worker/services/cart/cart'],
    ['durable-objects/cart/probe.ts', '@worker/env'],
    ['worker/services/probe.ts', '~/lib/format'],
    ['worker/services/probe.ts', '@tests/support/workerd'],
    ['app/lib/offline/probe.ts', '@durable-objects/cart/cart-schemas'],
    ['app/sw.ts', '@worker/http/problem'],
    ['app/routes/probe.tsx', '../../worker/env'],
  ])('%s may not import %s', (path, specifier) => {
    expect(lintImport(path, specifier)).toHaveLength(1);
  });

  it.each([
    ['worker/services/probe.ts', '@domain/core/ids'],
    ['worker/services/probe.ts', '@durable-objects/cart'],
    ['durable-objects/stock/probe.ts', '@db/client'],
    ['app/routes/probe.tsx', '@worker/services/cart/cart'],
    ['app/lib/offline/probe.ts', '@domain/catalog/sku'],
    ['domain/cart/probe.ts', './quantity'],
  ])('%s may import %s', (path, specifier) => {
    expect(lintImport(path, specifier)).toEqual([]);
  });
});
