import { describe, expect, it } from 'vitest';
import { renderPostBody } from './markdown';

describe('renderPostBody', () => {
  it('renders formatting, headings one level under the title, lists and links', () => {
    const html = renderPostBody(
      '# Care\n\nSoft **wool**.\n\n- Brush\n- Air\n\n[Guide](https://example.com/g)',
    );
    expect(html).toContain('<h2>Care</h2>');
    expect(html).toContain('<strong>wool</strong>');
    expect(html).toContain('<li>Brush</li>');
    expect(html).toContain('<a href="https://example.com/g" rel="nofollow noopener noreferrer">Guide</a>');
  });

  it.each([
    ['a script tag', 'Hi <script>alert(1)</script> there', /<script|alert\(1\)/i],
    ['a script split over lines', '<script>\nalert(1)\n</script>', /<script|alert/i],
    ['a javascript: link', '[x](javascript:alert(1))', /javascript:|alert/i],
    ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
    ['an event handler', '<p onclick="alert(1)">para</p>', /onclick|alert/i],
    ['an onerror image', '<img src="/x.png" alt="x" onerror="alert(1)">', /onerror|alert/i],
    ['an inline style', '<p style="position:fixed">para</p>', /style=/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe|evil/i],
    ['an svg payload', '<svg onload="alert(1)"><circle /></svg>', /<svg|onload|alert/i],
    ['a form', '<form action="/x"><input name="a"></form>', /<form|<input/i],
    ['a protocol-relative image', '![pic](//evil.example/p.png)', /evil|<img/i],
    ['a data: image', '![pic](data:image/png;base64,AAAA)', /data:|<img/i],
    ['a remote image', '![pic](https://tracker.example/p.gif)', /tracker|<img/i],
    ['an image without alt', '![](/media/a.jpg)', /<img/i],
    ['an HTML image without alt', '<img src="/media/a.jpg">', /<img/i],
  ])('removes %s', (_name, markdown, forbidden) => {
    expect(renderPostBody(markdown)).not.toMatch(forbidden);
  });

  it('keeps the text around what it removes', () => {
    const html = renderPostBody('Hello <script>alert(1)</script> world\n\n<p onclick="x()">para</p>');
    expect(html).toContain('Hello');
    expect(html).toContain('world');
    expect(html).toContain('para');
  });

  it('keeps an own-origin image with alt text, lazily loaded', () => {
    expect(renderPostBody('![A waxed jacket](/media/jacket.jpg)')).toBe(
      '<p><img loading="lazy" src="/media/jacket.jpg" alt="A waxed jacket"></p>',
    );
  });

  it('shows stray angle brackets as text', () => {
    expect(renderPostBody('2 < 3 > 1')).toBe('<p>2 &lt; 3 &gt; 1</p>');
  });
});
