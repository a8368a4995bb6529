/** CSP e2e: page scripts run only with the response's nonce; an injected script does not, Qwik's own still does. */
import { expect, type Page, test } from '@playwright/test';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';

// page.route does not see requests a service worker answers, and this test rewrites the page's HTML.
test.use({ serviceWorkers: 'block' });

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
declare global {
  var cspViolations: Violation[];
  var injectedScriptRan: boolean | undefined;
}

/** Records every CSP violation on the page (init scripts come from the browser, not the page, so they always run). */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      globalThis.cspViolations.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      }),
    );
  });
}

test("an inline script without the nonce does not run; the page's own scripts (variant picker, add to cart) do", async ({
  page,
}) => {
  await recordViolations(page);
  // An attacker's markup that reached the HTML: an inline script with no nonce, right after <head>.
  await page.route(
    (url) => url.pathname.startsWith('/p/') && !url.pathname.endsWith('q-data.json'),
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<head\b[^>]*>/,
        (head) => `${head}<script>globalThis.injectedScriptRan = true</script>`,
      );
      expect(html).toContain('injectedScriptRan');
      await route.fulfill({ response, body: html });
    },
  );

  const list = await page.request.get('/api/products?limit=8');
  const slugs = ((await list.json()) as { items: Array<{ slug: string }> }).items.map((p) => p.slug);
  let found = false;
  for (const slug of slugs) {
    await page.goto(`/p/${slug}`);
    expect(await page.evaluate(() => globalThis.injectedScriptRan)).toBeUndefined();
    // The picker's handlers are Qwik code, loaded by the nonce-carrying loader: choosing updates the stock note.
    if (await chooseInStockVariant(page)) {
      found = true;
      break;
    }
  }
  expect(found, 'a product with an in-stock variant').toBe(true);
  const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

  // Add to cart through JavaScript: the page stays the same document (a no-JS post would load a new one).
  await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added 1 × ${name}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart 1 item' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);

  expect(await page.evaluate(() => globalThis.injectedScriptRan)).toBeUndefined();
  const violations = await page.evaluate(() => globalThis.cspViolations);
  // Exactly one refusal of markup: the injected inline script. Nothing of the page's own (inline or loaded) was
  // refused. zod's one-time probe for JIT support (`new Function('')`, caught, then it parses without JIT) is
  // refused as eval, as it should be: the CSP has no 'unsafe-eval'. It is the only eval allowed in the list.
  const probe = (v: { directive: string; blocked: string; sample?: string }) =>
    v.directive === 'script-src' && v.blocked === 'eval' && !v.sample;
  expect(violations.filter((v) => !probe(v))).toEqual([
    expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }),
  ]);
});

test('every page response has a fresh nonce, on all of its scripts, and no unsafe-inline for scripts', async ({
  request,
}) => {
  const nonces: string[] = [];
  for (const path of ['/', '/', '/cart', '/no-such-page']) {
    const res = await request.get(path);
    const csp = res.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, path).not.toContain('unsafe-inline');
    const nonce = scriptSrc.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce, path).toBeDefined();
    nonces.push(nonce!);
    // Every script that could run (a src or a body) carries exactly this nonce.
    const scripts = [...(await res.text()).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs, body]) => /\bsrc=/.test(attrs!) || body!.trim() !== '',
    );
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const [tag, attrs] of scripts) {
      expect(attrs, `${path}: ${tag!.slice(0, 80)}`).toContain(`nonce="${nonce}"`);
    }
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});
