/**
 * Product images in R2: upload (type from magic bytes, size and pixel dimensions checked, stored at
 * `products/<productId>/<imageId>.<ext>` and served from /media/<key>), reorder, alt text, delete. The row and its
 * audit entry go in one batch; the R2 object is written before the row (and removed if the row fails) and deleted
 * after it, so a row never points at a missing object.
 */
import { appendAuditStatement } from '@db/repositories/audit';
import { findProducts } from '@db/repositories/catalog-admin';
import {
  deleteImageStatements,
  findProductImages,
  type ImageRow,
  insertImageStatement,
  setImageAltStatement,
  setImagePositionStatements,
} from '@db/repositories/catalog-images';
import {
  IMAGE_TYPES,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_SIDE,
  MAX_IMAGES_PER_PRODUCT,
  sniffImageType,
} from '@domain/catalog/image-type';
import { newId } from '@domain/core/ids';
import { fail, ok, type Result } from '@domain/core/result';
import { auditEntry } from '@worker/services/audit/audit';
import { imageSize } from 'image-size';
import type { CatalogContext } from './context';

/** Cache lifetime of an uploaded image: its key never changes content (a new upload gets a new id). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type ImageCtx = CatalogContext & { media: R2Bucket };

/** The public URL of a stored object. */
export const mediaUrl = (key: string) => `/media/${key}`;

function audit(ctx: CatalogContext, action: string, productId: string, before: unknown, after: unknown) {
  return appendAuditStatement(
    ctx.db,
    auditEntry({
      actor: ctx.actor,
      action,
      entityType: 'product',
      entityId: productId,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
}

async function productExists(ctx: CatalogContext, productId: string) {
  return (await findProducts(ctx.db, [productId])).length === 1;
}

/** Width and height from the file's header (no decoding), or null when the header is unreadable. */
export function dimensionsOf(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) return null;
    // EXIF orientations 5-8 rotate by 90°: the page shows the image with its sides swapped.
    const swap = (size.orientation ?? 1) >= 5;
    return swap ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return null;
  }
}

export async function uploadProductImage(
  ctx: ImageCtx,
  productId: string,
  file: { bytes: Uint8Array; alt: string },
): Promise<Result<ImageRow>> {
  if (!(await productExists(ctx, productId))) return fail('NOT_FOUND', 'No product has this id.');
  if (file.bytes.byteLength > MAX_IMAGE_BYTES) {
    // The API refuses these with 413 before reading them; this guards other callers (pages).
    return fail('INVALID_IMAGE', `Images are limited to ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`, {
      errors: [{ path: 'file', message: 'File too large.' }],
    });
  }
  const type = sniffImageType(file.bytes);
  const size = type ? dimensionsOf(file.bytes) : null;
  if (!type || !size) {
    return fail('INVALID_IMAGE', 'The file is not a JPEG, PNG, WebP, AVIF or GIF image.', {
      errors: [{ path: 'file', message: 'Not a supported image.' }],
    });
  }
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return fail('INVALID_IMAGE', `Images may be at most ${MAX_IMAGE_SIDE} pixels on a side.`, {
      errors: [{ path: 'file', message: 'Image too large in pixels.' }],
    });
  }
  const existing = await findProductImages(ctx.db, productId);
  if (existing.length >= MAX_IMAGES_PER_PRODUCT) {
    return fail('CONFLICT', `A product may have at most ${MAX_IMAGES_PER_PRODUCT} images.`);
  }
  const id = newId('image', ctx.now);
  const { ext, contentType } = IMAGE_TYPES[type];
  const key = `products/${productId}/${id}.${ext}`;
  await ctx.media.put(key, file.bytes, { httpMetadata: { contentType, cacheControl: IMMUTABLE } });
  const row = {
    id,
    productId,
    url: mediaUrl(key),
    alt: file.alt,
    position: existing.reduce((max, i) => Math.max(max, i.position + 1), 0),
    width: size.width,
    height: size.height,
    storageKey: key,
  };
  try {
    await ctx.db.batch([
      insertImageStatement(ctx.db, row),
      audit(ctx, 'product.image.add', productId, null, row),
    ]);
  } catch (e) {
    await ctx.media.delete(key);
    throw e;
  }
  return ok(row);
}

/** Puts the product's images in the order of `imageIds`, which must list each of them once. */
export async function reorderProductImages(
  ctx: CatalogContext,
  productId: string,
  imageIds: string[],
): Promise<Result<string[]>> {
  if (!(await productExists(ctx, productId))) return fail('NOT_FOUND', 'No product has this id.');
  const existing = await findProductImages(ctx.db, productId);
  const ids = new Set(existing.map((i) => i.id));
  if (
    imageIds.length !== ids.size ||
    new Set(imageIds).size !== ids.size ||
    !imageIds.every((i) => ids.has(i))
  ) {
    return fail('VALIDATION_FAILED', 'List every image of the product exactly once.', {
      errors: [{ path: 'imageIds', message: 'List every image of the product exactly once.' }],
    });
  }
  await ctx.db.batch([
    audit(
      ctx,
      'product.image.order',
      productId,
      existing.map((i) => i.id),
      imageIds,
    ),
    ...setImagePositionStatements(ctx.db, imageIds),
  ]);
  return ok(imageIds);
}

export async function setProductImageAlt(
  ctx: CatalogContext,
  productId: string,
  imageId: string,
  alt: string,
): Promise<Result<ImageRow>> {
  const image = (await findProductImages(ctx.db, productId)).find((i) => i.id === imageId);
  if (!image) return fail('NOT_FOUND', 'This product has no image with this id.');
  await ctx.db.batch([
    setImageAltStatement(ctx.db, imageId, alt),
    audit(ctx, 'product.image.alt', productId, { imageId, alt: image.alt }, { imageId, alt }),
  ]);
  return ok({ ...image, alt });
}

/** Deletes the image (variants showing it fall back to the product's first) and its R2 object. */
export async function deleteProductImage(
  ctx: ImageCtx,
  productId: string,
  imageId: string,
): Promise<Result<true>> {
  const image = (await findProductImages(ctx.db, productId)).find((i) => i.id === imageId);
  if (!image) return fail('NOT_FOUND', 'This product has no image with this id.');
  await ctx.db.batch([
    audit(ctx, 'product.image.delete', productId, image, null),
    ...deleteImageStatements(ctx.db, imageId),
  ]);
  if (image.storageKey) await ctx.media.delete(image.storageKey);
  return ok(true);
}
