/** Renders the PWA icons in public/icons/ from the SVG logo (run once after changing the logo; the PNGs are committed). */
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const NAVY = '#1f3a5f';
const GOLD = '#f2b134';

/** The logo on a 64-unit grid: an "N" under a compass point. `inset` shrinks it for maskable icons. */
function logoSvg({ size, rounded, inset }) {
  const scale = 1 - 2 * inset;
  const offset = 32 * (1 - scale);
  const radius = rounded ? 14 : 0;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="${radius}" fill="${NAVY}"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="M18 46V18h5l18 19V18h5v28h-5L23 27v19z" fill="#fff"/>
    <path d="M32 6l4 7h-8z" fill="${GOLD}"/>
  </g>
</svg>`);
}

// Maskable icons may be cropped to a circle of 80% diameter: the logo keeps to the inner ~64%.
const ICONS = [
  { file: 'icon-192.png', size: 192, rounded: true, inset: 0 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 0 },
  { file: 'icon-maskable-512.png', size: 512, rounded: false, inset: 0.18 },
];

mkdirSync('public/icons', { recursive: true });
for (const icon of ICONS) {
  const info = await sharp(logoSvg(icon))
    .png({ compressionLevel: 9, palette: true })
    .toFile(`public/icons/${icon.file}`);
  console.log(`public/icons/${icon.file}: ${info.width}×${info.height}, ${info.size} bytes`);
}
