/** drizzle-kit settings: generates SQL migrations into db/migrations, which wrangler, vitest and migrate() all read. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
