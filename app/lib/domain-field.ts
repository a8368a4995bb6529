/**
 * A form field checked by a domain schema. Qwik City's zod$ takes schemas from its own zod 3, while domain/ is
 * written in zod 4, so a form cannot hand a domain schema to zod$ directly; this wraps one, keeping a single rule
 * (and its messages) for the API and the pages.
 */
import { z } from '@builder.io/qwik-city';
import type { ZodType } from 'zod';

/** A zod$ field whose value is `schema`'s output; on failure, `message` or the schema's first message. */
export function domainField<T>(schema: ZodType<T>, message?: string) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: message ?? parsed.error.issues[0]?.message ?? 'Check this field.',
    });
    return z.NEVER;
  });
}
