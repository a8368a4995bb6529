/** What every back-office catalog use case receives, and how a database constraint becomes a field error. */
import type { Db } from '@db/client';
import { fail, type Result } from '@domain/core/result';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

export interface CatalogContext {
  db: Db;
  actor: Pick<StaffPrincipal, 'id' | 'email'>;
  now: number;
  requestId?: string;
  /** The shop's currency: every variant price is in it. */
  currency: string;
  /** The MEDIA bucket, for removing the images of deleted products. */
  media?: R2Bucket;
}

/** A field error, as problem+json's `errors[]` carries it (the API moves `meta.errors` there). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A failure with field errors. */
export const fieldFailure = <T>(
  code: 'CONFLICT' | 'VALIDATION_FAILED' | 'NOT_FOUND',
  detail: string,
  errors: FieldIssue[],
): Result<T> => fail(code, detail, { errors: errors as unknown as Record<string, string>[] });

const UNIQUE_FIELDS: Record<string, string> = {
  'products.slug': 'slug',
  'product_variants.sku': 'variants.sku',
  'categories.slug': 'slug',
  'collections.slug': 'slug',
};

/**
 * Runs a batch, turning a UNIQUE failure (another writer took the slug or SKU between our check and the write) into
 * a 409 with the field; any other failure is a fault and is rethrown.
 */
export async function runBatch<T>(
  write: () => Promise<unknown>,
  value: () => T | Promise<T>,
): Promise<Result<T>> {
  try {
    await write();
  } catch (e) {
    const text = `${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}`;
    const unique = /UNIQUE constraint failed: ([\w.]+)/.exec(text);
    if (!unique) throw e;
    const field = UNIQUE_FIELDS[unique[1]!] ?? unique[1]!;
    return fieldFailure('CONFLICT', `That ${field.split('.').pop()} is already in use.`, [
      { path: field, message: 'Already in use.' },
    ]);
  }
  return { ok: true, value: await value() };
}
