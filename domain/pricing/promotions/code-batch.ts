/** Bulk single-use codes: what an administrator may ask for, and how one code is made from random bytes. */
import { z } from 'zod';

/** Most codes one request generates (the 10,000 at a time). */
export const MAX_BATCH_CODES = 10_000;

/** Characters of a generated code's random part: Crockford base32, no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters = 50 bits: 10,000 codes collide with each other about once in 10^7 batches. */
export const RANDOM_PART_LENGTH = 10;

export const CodeBatchInput = z
  .object({
    quantity: z.number().int().min(1).max(MAX_BATCH_CODES, `At most ${MAX_BATCH_CODES} codes at a time.`),
    /** Shown before every code (`GIFT-7K2M…`): letters and digits, upper-cased, at most 12. */
    prefix: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{0,12}$/, 'A prefix is up to 12 letters or digits.')
      .toUpperCase()
      .default(''),
  })
  .strict();
export type CodeBatchInput = z.infer<typeof CodeBatchInput>;

/** One code from `bytes` (at least RANDOM_PART_LENGTH of them): the prefix, a dash, then the random part. */
export function codeFromBytes(prefix: string, bytes: Uint8Array): string {
  let random = '';
  for (let i = 0; i < RANDOM_PART_LENGTH; i++) random += ALPHABET[(bytes[i] ?? 0) % 32];
  return prefix ? `${prefix}-${random}` : random;
}
