/**
 * Back office: a product's images (catalog:write). Upload is multipart/form-data (`file`, `alt`); the type comes from
 * the file's bytes, never from its declared Content-Type or name.
 */
import { MAX_ALT_LENGTH, MAX_IMAGE_BYTES } from '@domain/catalog/image-type';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  deleteProductImage,
  reorderProductImages,
  setProductImageAlt,
  uploadProductImage,
} from '@worker/services/catalog/images';
import { catalogContext, catalogFailure, ImageOut } from './catalog-context';

const Params = z.object({ productId: idSchema('product') });
const ImageParams = Params.extend({ imageId: idSchema('image') });
const Alt = z.string().trim().max(MAX_ALT_LENGTH);
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

const imageOut = (i: {
  id: string;
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
  position: number;
}) => ({
  id: i.id,
  url: i.url,
  alt: i.alt,
  width: i.width,
  height: i.height,
  position: i.position,
});

export const adminProductImages = newApi();

adminProductImages
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/products/{productId}/images',
      tags: ['Admin'],
      summary: `Upload an image (JPEG, PNG, WebP, AVIF or GIF, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB); 422 for anything else`,
      middleware: [requirePermission('catalog:write')],
      request: {
        params: Params,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z
                .object({
                  file: z.any().openapi({ type: 'string', format: 'binary' }),
                  alt: Alt.default(''),
                })
                .strict(),
            },
          },
        },
      },
      responses: { 201: jsonResponse('Stored', ImageOut), ...write },
    }),
    async (c) => {
      const { file, alt } = c.req.valid('form');
      if (!(file instanceof File)) {
        throw new ProblemError('VALIDATION_FAILED', 'Send the image as the form field "file".', {
          errors: [{ path: 'file', message: 'Required.' }],
        });
      }
      if (file.size > MAX_IMAGE_BYTES) {
        throw new ProblemError(
          'PAYLOAD_TOO_LARGE',
          `Images are limited to ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`,
        );
      }
      const result = await uploadProductImage(
        { ...catalogContext(c), media: c.env.MEDIA },
        c.req.valid('param').productId,
        { bytes: new Uint8Array(await file.arrayBuffer()), alt },
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(imageOut(result.value), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/products/{productId}/images/order',
      tags: ['Admin'],
      summary: 'Reorder the images: list every image id once, first is the listing thumbnail',
      middleware: [requirePermission('catalog:write')],
      request: {
        params: Params,
        body: jsonBody(z.object({ imageIds: z.array(idSchema('image')).max(50) }).strict()),
      },
      responses: { 200: jsonResponse('New order', z.object({ imageIds: z.array(z.string()) })), ...write },
    }),
    async (c) => {
      const result = await reorderProductImages(
        catalogContext(c),
        c.req.valid('param').productId,
        c.req.valid('json').imageIds,
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json({ imageIds: result.value }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/admin/products/{productId}/images/{imageId}',
      tags: ['Admin'],
      summary: 'Change an image’s alt text',
      middleware: [requirePermission('catalog:write')],
      request: { params: ImageParams, body: jsonBody(z.object({ alt: Alt }).strict()) },
      responses: { 200: jsonResponse('Updated', ImageOut), ...write },
    }),
    async (c) => {
      const { productId, imageId } = c.req.valid('param');
      const result = await setProductImageAlt(catalogContext(c), productId, imageId, c.req.valid('json').alt);
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(imageOut(result.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/products/{productId}/images/{imageId}',
      tags: ['Admin'],
      summary: 'Delete an image and its stored file',
      middleware: [requirePermission('catalog:write')],
      request: { params: ImageParams },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const { productId, imageId } = c.req.valid('param');
      const result = await deleteProductImage(
        { ...catalogContext(c), media: c.env.MEDIA },
        productId,
        imageId,
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
