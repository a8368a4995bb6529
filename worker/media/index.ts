/**
 * /media/*: generated placeholder images, uploaded product images and media library images (R2), immutable and cached
 * by browsers and the CDN.
 */

import type { AppEnv } from '@worker/http/app-env';
import { type Context, Hono } from 'hono';
import { renderPlaceholderSvg } from './placeholder-svg';

const FILE_NAME = /^[a-z0-9-]{1,120}\.svg$/;
/** `products/<productId>/<imageId>.<ext>`, exactly as uploads are stored (anything else is a 404, not an R2 read). */
const PRODUCT_IMAGE = /^prod_[0-9A-Z]{26}\/img_[0-9A-Z]{26}\.(jpg|png|webp|avif|gif)$/;
/** `library/<mediaId>.<ext>`, the media library's keys (domain/content/media.ts mediaKeyOf). */
const LIBRARY_IMAGE = /^med_[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp|avif|gif)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves one R2 object: 304 when If-None-Match matches its ETag, else its bytes, type and length. */
async function serveObject(c: Context<AppEnv>, key: string): Promise<Response> {
  const object = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers });
  if (!object) return c.notFound();
  const headers = new Headers({
    'Cache-Control': IMMUTABLE,
    ETag: object.httpEtag,
    'Content-Type': object.httpMetadata?.contentType ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  });
  // onlyIf answered a matching If-None-Match with the metadata alone.
  if (!('body' in object)) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(object.size));
  return new Response(object.body, { status: 200, headers });
}

export const media = new Hono<AppEnv>()
  .get('/placeholder/:file', (c) => {
    const file = c.req.param('file');
    if (!FILE_NAME.test(file)) return c.notFound();
    return c.body(renderPlaceholderSvg(file), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': IMMUTABLE,
    });
  })
  .get('/products/:productId/:file', (c) => {
    const path = `${c.req.param('productId')}/${c.req.param('file')}`;
    if (!PRODUCT_IMAGE.test(path)) return c.notFound();
    return serveObject(c, `products/${path}`);
  })
  .get('/library/:file', (c) => {
    const file = c.req.param('file');
    if (!LIBRARY_IMAGE.test(file)) return c.notFound();
    return serveObject(c, `library/${file}`);
  });
