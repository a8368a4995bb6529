/** /media/*: generated placeholder images and uploaded product images (R2), immutable and cached by browsers and the CDN. */

import type { AppEnv } from '@worker/http/app-env';
import { Hono } from 'hono';
import { renderPlaceholderSvg } from './placeholder-svg';

const FILE_NAME = /^[a-z0-9-]{1,120}\.svg$/;
/** `products/<productId>/<imageId>.<ext>`, exactly as uploads are stored (anything else is a 404, not an R2 read). */
const PRODUCT_IMAGE = /^prod_[0-9A-Z]{26}\/img_[0-9A-Z]{26}\.(jpg|png|webp|avif|gif)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const media = new Hono<AppEnv>()
  .get('/placeholder/:file', (c) => {
    const file = c.req.param('file');
    if (!FILE_NAME.test(file)) return c.notFound();
    return c.body(renderPlaceholderSvg(file), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': IMMUTABLE,
    });
  })
  .get('/products/:productId/:file', async (c) => {
    const path = `${c.req.param('productId')}/${c.req.param('file')}`;
    if (!PRODUCT_IMAGE.test(path)) return c.notFound();
    const key = `products/${path}`;
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
  });
