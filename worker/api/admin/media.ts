/**
 * Back office: the media library (content:read to list, content:write to change). Upload is multipart/form-data
 * (`file`, `alt`); the type comes from the file's bytes, never from its declared Content-Type or name. Deleting an
 * image that a post, banner or landing page still shows is a 409 listing those places in `meta.uses`.
 */
import { MAX_MEDIA_ALT, MAX_MEDIA_BYTES, MediaAlt } from '@domain/content/media';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import {
  deleteMedia,
  listMediaPage,
  type MediaItem,
  setMediaAlt,
  uploadMedia,
} from '@worker/services/content/media';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const MediaOut = z
  .object({
    id: z.string(),
    url: z.string(),
    filename: z.string(),
    contentType: z.string(),
    bytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    uploadedBy: z.string(),
    createdAt: z.number().int(),
  })
  .openapi('AdminMedia');
const Params = z.object({ mediaId: idSchema('media') });
const Alt = MediaAlt.openapi({
  description: `What the image shows (required, plain text, ≤ ${MAX_MEDIA_ALT})`,
});
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };
const MB = MAX_MEDIA_BYTES / 1024 / 1024;

const out = (m: MediaItem): z.infer<typeof MediaOut> => ({
  id: m.id,
  url: m.url,
  filename: m.filename,
  contentType: m.contentType,
  bytes: m.bytes,
  width: m.width,
  height: m.height,
  alt: m.alt,
  uploadedBy: m.uploadedBy,
  createdAt: m.createdAt,
});

const mediaContext = (c: Parameters<typeof catalogContext>[0]) => ({
  ...catalogContext(c),
  media: c.env.MEDIA,
});

export const adminMedia = newApi();

adminMedia
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/media',
      tags: ['Admin'],
      summary: 'The media library, newest first; `q` searches file names and alt text',
      middleware: [requirePermission('content:read')],
      request: {
        query: z
          .object({
            q: z.string().trim().max(100).optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
          })
          .strict(),
      },
      responses: {
        200: jsonResponse(
          'One page of images',
          z.object({
            items: z.array(MediaOut),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        ),
        ...problemResponses(400, 401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { q, page } = c.req.valid('query');
      const result = await listMediaPage(c.var.db, { q, page });
      noStore(c);
      return c.json({ ...result, items: result.items.map(out) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/media',
      tags: ['Admin'],
      summary: `Upload an image (JPEG, PNG, WebP, AVIF or GIF, at most ${MB} MB) with its alt text; 422 for anything else`,
      middleware: [requirePermission('content:write')],
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z
                .object({ file: z.any().openapi({ type: 'string', format: 'binary' }), alt: Alt })
                .strict(),
            },
          },
        },
      },
      responses: {
        201: jsonResponse('Stored', MediaOut),
        ...problemResponses(401, 403),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { file, alt } = c.req.valid('form');
      if (!(file instanceof File)) {
        throw new ProblemError('VALIDATION_FAILED', 'Send the image as the form field "file".', {
          errors: [{ path: 'file', message: 'Required.' }],
        });
      }
      // The body limit lets a 5 MB file plus its envelope through; the file alone must fit too.
      if (file.size > MAX_MEDIA_BYTES) {
        throw new ProblemError('PAYLOAD_TOO_LARGE', `Images are limited to ${MB} MB.`);
      }
      const result = await uploadMedia(mediaContext(c), {
        bytes: new Uint8Array(await file.arrayBuffer()),
        filename: file.name,
        alt,
      });
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(out(result.value), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/admin/media/{mediaId}',
      tags: ['Admin'],
      summary: 'Change an image’s alt text',
      middleware: [requirePermission('content:write')],
      request: { params: Params, body: jsonBody(z.object({ alt: Alt }).strict()) },
      responses: { 200: jsonResponse('Updated', MediaOut), ...write },
    }),
    async (c) => {
      const result = await setMediaAlt(
        catalogContext(c),
        c.req.valid('param').mediaId,
        c.req.valid('json').alt,
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(out(result.value), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/media/{mediaId}',
      tags: ['Admin'],
      summary:
        'Delete an image and its stored file; 409 with `meta.uses` while a post, banner or page shows it',
      middleware: [requirePermission('content:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deleteMedia(mediaContext(c), c.req.valid('param').mediaId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
