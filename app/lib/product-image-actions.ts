/**
 * The edit page's image actions (upload, alt text, move up/down, delete), calling the catalog image service. Each
 * checks catalog:write and answers `{ message }` or a failure with a message.
 */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import {
  deleteProductImage,
  reorderProductImages,
  setProductImageAlt,
  uploadProductImage,
} from '@worker/services/catalog/images';
import { getProduct } from '@worker/services/catalog/products';
import { catalogPageContext } from '~/lib/admin-catalog';
import { staffWith } from '~/lib/admin-session';

type Event = RequestEventAction<QwikCityPlatform>;
type Answer = { message: string };

async function context(event: Event) {
  const actor = await staffWith(event, 'catalog:write');
  if (!actor) return null;
  const ctx = catalogPageContext(event, actor);
  return { ...ctx, media: event.platform.env.MEDIA };
}

function productIdOf(event: Event) {
  return (event.params.id ?? '').slice(0, 40);
}
function text(v: unknown, max: number) {
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

export async function imageAction(data: Record<string, unknown>, event: Event) {
  const ctx = await context(event);
  if (!ctx) return event.fail(403, { message: 'Your roles do not allow editing products.' });
  const productId = productIdOf(event);
  const imageId = text(data.imageId, 40);
  function done<T>(
    r:
      | { ok: true; value: T }
      | { ok: false; error: { code: Parameters<typeof statusOfError>[0]; detail: string } },
    message: string,
  ) {
    return r.ok
      ? ({ message } satisfies Answer)
      : event.fail(statusOfError(r.error.code), { message: r.error.detail });
  }

  switch (data.op) {
    case 'upload': {
      const file = data.file;
      if (!(file instanceof Blob) || file.size === 0) {
        return event.fail(400, { message: 'Choose an image file to upload.' });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      return done(
        await uploadProductImage(ctx, productId, { bytes, alt: text(data.alt, 300) }),
        'Image uploaded.',
      );
    }
    case 'alt':
      return done(await setProductImageAlt(ctx, productId, imageId, text(data.alt, 300)), 'Alt text saved.');
    case 'delete':
      return done(await deleteProductImage(ctx, productId, imageId), 'Image deleted.');
    case 'up':
    case 'down': {
      const found = await getProduct(ctx, productId);
      if (!found.ok) return event.fail(404, { message: found.error.detail });
      const ids = found.value.images.map((i) => i.id);
      const at = ids.indexOf(imageId);
      const to = data.op === 'up' ? at - 1 : at + 1;
      if (at < 0 || to < 0 || to >= ids.length)
        return event.fail(400, { message: 'The image cannot move there.' });
      [ids[at], ids[to]] = [ids[to]!, ids[at]!];
      return done(await reorderProductImages(ctx, productId, ids), 'Image order saved.');
    }
    default:
      return event.fail(400, { message: 'Unknown image action.' });
  }
}
