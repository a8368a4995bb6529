/** Input checks shared by the Durable Objects: every RPC input goes through Zod and comes back as a Result. */

import { fail, ok, type Result } from '@domain/core/result';
import { z } from 'zod';

/** The caller's clock (UTC epoch ms): passed in so tests and replays control time. */
export const NowSchema = z.number().int().nonnegative().max(8.64e15);

/**
 * Parses `input` with `schema`. A failure becomes VALIDATION_FAILED with `meta.issues` as
 * `{ path, message }[]`, never a thrown ZodError: RPC callers switch on codes, not exception classes.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return fail('VALIDATION_FAILED', 'The request is not valid.', { issues });
}
