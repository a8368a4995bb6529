import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import {
  checkMediaFile,
  cleanFilename,
  isMediaUrl,
  MAX_MEDIA_BYTES,
  MediaAlt,
  mediaKeyOf,
  mediaUrlOf,
} from './media';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAD0lEQVR4nGNgYGiAIRgLABsUAwGc4pGOAAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);

describe('checkMediaFile', () => {
  it('accepts a PNG whatever it is called, with its type read from the bytes', () => {
    const r = checkMediaFile(PNG);
    expect(r).toEqual({
      ok: true,
      value: { type: 'png', ext: 'png', contentType: 'image/png', bytes: PNG.length },
    });
  });

  it('refuses text named .png, SVG and empty files, naming the file field', () => {
    const text = new TextEncoder().encode('not an image, only words pretending to be one');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    for (const bytes of [text, svg]) {
      const r = checkMediaFile(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_IMAGE');
        expect(r.error.meta?.errors).toEqual([{ path: 'file', message: expect.any(String) }]);
      }
    }
    const empty = checkMediaFile(new Uint8Array());
    expect(!empty.ok && empty.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a file over 5 MB even when it starts like a PNG', () => {
    const big = new Uint8Array(MAX_MEDIA_BYTES + 1);
    big.set(PNG);
    const r = checkMediaFile(big);
    expect(!r.ok && r.error.code).toBe('INVALID_IMAGE');
    expect(checkMediaFile(big.subarray(0, MAX_MEDIA_BYTES)).ok).toBe(true);
  });
});

describe('MediaAlt', () => {
  it('requires text, trims it, refuses markup and more than 300 characters', () => {
    expect(MediaAlt.parse('  A linen shirt on a hanger ')).toBe('A linen shirt on a hanger');
    expect(MediaAlt.safeParse('').success).toBe(false);
    expect(MediaAlt.safeParse('   ').success).toBe(false);
    expect(MediaAlt.safeParse('<script>alert(1)</script>').success).toBe(false);
    expect(MediaAlt.safeParse('x'.repeat(300)).success).toBe(true);
    expect(MediaAlt.safeParse('x'.repeat(301)).success).toBe(false);
    expect(MediaAlt.parse('Sizes 2 < 3')).toBe('Sizes 2 < 3'); // a lone "<" is text, not markup
  });
});

describe('cleanFilename', () => {
  it.each([
    ['C:\\fakepath\\Summer sale.png', 'Summer-sale.png'],
    ['../../etc/passwd', 'passwd'],
    ['<img src=x onerror=alert(1)>.png', 'img-src-x-onerror-alert-1-.png'],
    ['café-noir.jpg', 'café-noir.jpg'],
    ['', 'image.png'],
    ['...', 'image.png'],
  ])('%s -> %s', (raw, clean) => {
    expect(cleanFilename(raw, 'png')).toBe(clean);
  });

  it('keeps at most 120 characters', () => {
    expect(cleanFilename(`${'a'.repeat(200)}.png`, 'png')).toHaveLength(120);
  });
});

describe('keys and URLs', () => {
  it('stores by id and recognises only library URLs', () => {
    const id = newId('media');
    const url = mediaUrlOf(mediaKeyOf(id, 'webp'));
    expect(url).toBe(`/media/library/${id}.webp`);
    expect(isMediaUrl(url)).toBe(true);
    expect(isMediaUrl(`${url}?x=1`)).toBe(false);
    expect(isMediaUrl('/media/library/../products/x.png')).toBe(false);
    expect(isMediaUrl(`/media/library/${id}.svg`)).toBe(false);
  });
});
