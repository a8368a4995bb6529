/** Path aliases for Vite, Vitest and the service-worker build, read from tsconfig.json's `paths` (the one place they are written). */
import { readFileSync } from 'node:fs';

const root = new URL('./', import.meta.url).pathname;
const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));

/** `{ '@domain': '/abs/domain', '~': '/abs/app', … }` from `"@domain/*": ["./domain/*"]`. */
export const aliases = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([from, [to]]) => [
    from.replace(/\/\*$/, ''),
    root + to.replace(/^\.\//, '').replace(/\/\*$/, ''),
  ]),
);
