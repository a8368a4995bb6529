/** Generated product placeholder images: a deterministic SVG per file name, so the demo store needs no binary assets. */
import { escapeHtml } from '@worker/http/html';

/** FNV-1a: a small stable hash to pick colours from a name. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Turns `classic-oxford-shirt-2` into `Classic Oxford Shirt`. */
export function labelFromName(name: string): string {
  return name
    .replace(/\.svg$/, '')
    .replace(/-\d+$/, '')
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** A 4:5 product card image: soft gradient, a simple garment-like shape, the product's initials. */
export function renderPlaceholderSvg(name: string): string {
  const h = hashOf(name);
  const hue = h % 360;
  const variant = (h >>> 9) % 3;
  const label = labelFromName(name);
  const initials = label
    .split(' ')
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  const shapes = [
    '<circle cx="400" cy="470" r="210" fill="url(#s)"/>',
    '<rect x="210" y="280" width="380" height="380" rx="48" fill="url(#s)"/>',
    '<path d="M400 250 L620 640 L180 640 Z" fill="url(#s)"/>',
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 1000" role="img" aria-label="${escapeHtml(label)}">
<defs>
<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 45% 92%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 40% 80%)"/></linearGradient>
<linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue} 45% 55%)"/><stop offset="1" stop-color="hsl(${hue} 50% 38%)"/></linearGradient>
</defs>
<rect width="800" height="1000" fill="url(#g)"/>
${shapes[variant]}
<text x="400" y="500" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif" font-size="150" font-weight="700" fill="hsl(${hue} 60% 96%)">${escapeHtml(initials)}</text>
<text x="400" y="880" text-anchor="middle" font-family="system-ui, sans-serif" font-size="44" fill="hsl(${hue} 35% 25%)">${escapeHtml(label.slice(0, 32))}</text>
</svg>`;
}
