/** Liveness: /api/health (checks the database) and /api/ping (does nothing: the benchmark baseline). */
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { sql } from 'drizzle-orm';

const Health = z
  .object({ ok: z.boolean(), database: z.enum(['d1', 'libsql']), time: z.number() })
  .openapi('Health');

export const health = newApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['System'],
      summary: 'Health check (runs one database query)',
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
        ...faultResponses(),
      },
    }),
    async (c) => {
      await c.var.db.run(sql`select 1`);
      return c.json(
        {
          ok: true,
          database: c.env.TURSO_DATABASE_URL ? ('libsql' as const) : ('d1' as const),
          time: Date.now(),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ping',
      tags: ['System'],
      summary: 'Answers pong without touching anything (the benchmark baseline)',
      responses: {
        200: { description: 'pong', content: { 'text/plain': { schema: z.string() } } },
        ...faultResponses(),
      },
    }),
    (c) => c.text('pong', 200),
  );
