/**
 * Which uploads count as product images: the type is read from the file's first bytes (never from the client's
 * Content-Type or file name), and only formats every current browser shows are accepted.
 */

/** Largest image file accepted (5 MiB): a product photo never needs more, and R2 writes stay quick. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Longest side accepted, in pixels (bigger is a mistake or an attack on whoever decodes it). */
export const MAX_IMAGE_SIDE = 16_384;
/** Most images one product may hold. */
export const MAX_IMAGES_PER_PRODUCT = 50;
export const MAX_ALT_LENGTH = 300;

export const IMAGE_TYPES = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  avif: { ext: 'avif', contentType: 'image/avif' },
  gif: { ext: 'gif', contentType: 'image/gif' },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** The image type from the magic bytes, or null for anything else (text, SVG, PDF, HEIC, truncated files…). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length < 12) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands up to the box's end.
    const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  }
  return null;
}
