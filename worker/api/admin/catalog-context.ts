/** What the back-office catalog routes share: the use-case context, failures as problems, output schemas. */

import type { DomainError } from '@domain/core/result';
import { TAX_CATEGORIES } from '@domain/pricing/tax';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { type FieldError, ProblemError } from '@worker/http/problem';
import type { CatalogContext } from '@worker/services/catalog/context';
import type { Context } from 'hono';

/** The signed-in staff member's catalog context (the staff guard has run). */
export function catalogContext(c: Context<AppEnv>): CatalogContext {
  return {
    db: c.var.db,
    actor: c.var.staff!.principal,
    now: Date.now(),
    requestId: c.var.requestId,
    currency: c.env.SHOP_CURRENCY,
    media: c.env.MEDIA,
  };
}

/** A use case's failure as a problem; field errors (meta.errors) become the problem's `errors[]`. */
export function catalogFailure(error: DomainError): ProblemError {
  const { errors, ...meta } = error.meta ?? {};
  return new ProblemError(error.code, error.detail, {
    ...(Array.isArray(errors) ? { errors: errors as FieldError[] } : {}),
    ...(Object.keys(meta).length ? { meta } : {}),
  });
}

export const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'private, no-store');

export const ImageOut = z
  .object({
    id: z.string(),
    url: z.string(),
    alt: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    position: z.number().int(),
  })
  .openapi('AdminProductImage');

export const ProductOut = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    status: z.enum(['draft', 'active', 'archived']),
    categoryId: z.string(),
    brand: z.string(),
    taxCategory: z.enum(TAX_CATEGORIES),
    collectionIds: z.array(z.string()),
    tags: z.array(z.string()),
    attributes: z.array(z.object({ name: z.string(), value: z.string() })),
    seoTitle: z.string(),
    seoDescription: z.string(),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    variants: z.array(
      z.object({
        id: z.string(),
        options: z.record(z.string(), z.string()),
        sku: z.string(),
        price: z.number().int(),
        compareAt: z.number().int().nullable(),
        currency: z.string(),
        barcode: z.string().nullable(),
        weightGrams: z.number().int(),
        onHand: z.number().int().nullable(),
      }),
    ),
    images: z.array(ImageOut),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AdminProduct');
