import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-type';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageType', () => {
  it('knows the five formats by their first bytes', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], '\0'.repeat(10)))).toBe('jpeg');
    expect(sniffImageType(bytes([0x89], 'PNG\r\n\x1a\n', '\0'.repeat(8)))).toBe('png');
    expect(sniffImageType(bytes('GIF89a', '\0'.repeat(8)))).toBe('gif');
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'))).toBe('avif');
  });
  it('refuses text, SVG, HEIC and short files whatever they claim to be', () => {
    expect(sniffImageType(bytes('this is not an image at all'))).toBeNull();
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeNull();
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff]))).toBeNull();
  });
});
