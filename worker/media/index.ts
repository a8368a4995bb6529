/** /media/*: generated placeholder images, immutable and cached by browsers and the CDN. */

import type { AppEnv } from '@worker/http/app-env';
import { Hono } from 'hono';
import { renderPlaceholderSvg } from './placeholder-svg';

const FILE_NAME = /^[a-z0-9-]{1,120}\.svg$/;

export const media = new Hono<AppEnv>().get('/placeholder/:file', (c) => {
  const file = c.req.param('file');
  if (!FILE_NAME.test(file)) return c.notFound();
  return c.body(renderPlaceholderSvg(file), 200, {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
});
