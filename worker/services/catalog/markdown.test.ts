import { describe, expect, it } from 'vitest';
import { renderDescription } from './markdown';

describe('renderDescription', () => {
  it('renders Markdown formatting, lists, tables and links', () => {
    const html = renderDescription(
      '# Care\n\nSoft **organic** cotton, *pre-shrunk*.\n\n- Machine wash\n- Tumble dry low\n\n| Size | Chest |\n|---|---|\n| M | 100 cm |\n\n[Size guide](https://example.com/sizes)',
    );
    expect(html).toContain('<h3>Care</h3>');
    expect(html).toContain('<strong>organic</strong>');
    expect(html).toContain('<li>Machine wash</li>');
    expect(html).toContain('<td>100 cm</td>');
    expect(html).toContain(
      '<a href="https://example.com/sizes" rel="nofollow noopener noreferrer">Size guide</a>',
    );
  });

  it('strips scripts, event handlers and script URLs', () => {
    const html = renderDescription(
      [
        'Hello <script>alert(1)</script> world',
        '<img src="x" onerror="alert(2)">',
        '[click](javascript:alert(3))',
        '<a href="JaVaScRiPt:alert(4)">x</a>',
        '<p onclick="alert(5)" style="color:red">para</p>',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
        '<iframe src="https://evil.example"></iframe>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|alert\(1\)|onerror|onclick|javascript:|data:|<iframe|<img|style=/i);
    expect(html).toContain('Hello');
    expect(html).toContain('para');
  });

  it('shows raw HTML brackets that are not tags as text', () => {
    expect(renderDescription('Fits 2 < 3 > 1')).toBe('<p>Fits 2 &lt; 3 &gt; 1</p>');
  });
});
