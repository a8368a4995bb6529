/** Text into HTML or SVG markup written by the Worker itself (error page, API reference, placeholder images). */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `text` for an element's content or a quoted attribute value, in HTML and in XML (SVG) alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
