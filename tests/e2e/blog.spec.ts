/**
 * Blog e2e: a content manager writes a post with a script in its Markdown, tags it and publishes it; a shopper finds
 * it on /blog, reads it with the script gone (never run), and its tag page lists it. Also axe on the blog pages.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from '@tests/support/e2e/axe';
import { CONTENT_STAFF, logInStaff } from '@tests/support/e2e/staff';

test('a content manager publishes a post with a script in it; a shopper reads it safely', async ({
  page,
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const title = `Folding knitwear ${suffix}`;
  const dialogs: string[] = [];

  await logInStaff(page, CONTENT_STAFF);
  await page.getByRole('link', { name: 'Blog posts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Blog posts' })).toBeVisible();
  await page.getByRole('link', { name: 'Write a post' }).click();

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Excerpt', { exact: true }).fill('Why jumpers belong in a drawer, not on a hanger.');
  await page
    .getByLabel('Body (Markdown)')
    .fill(
      '# Fold, do not hang\n\nHangers stretch the shoulders.\n\n<script>window.__pwned = 1; alert("xss")</script>\n\nDone.',
    );
  await page.getByLabel('Tags', { exact: true }).fill('Knitwear Care, how-to');
  await page.getByLabel('Status', { exact: true }).selectOption('published');
  // A cover without its description is refused with the error on the field, the text typed so far kept.
  await page.getByLabel('Cover image address (optional)').fill('/media/placeholder/cover.svg');
  await page.getByRole('button', { name: 'Save post' }).click();
  await expect(page.getByText('Describe the cover image.')).toBeVisible();
  await expect(page.getByLabel('Cover image description (alt text)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await page.getByLabel('Cover image address (optional)').fill('');
  await page.getByRole('button', { name: 'Save post' }).click();

  await expect(page).toHaveURL(/\/admin\/content\/posts\/post_[0-9A-Z]+\?saved=1$/);
  await expect(page.getByRole('status').getByText('Post saved.')).toBeVisible();
  await expect(page.getByText(/Published: shown in the shop since/)).toBeVisible();
  // The preview is the sanitised body: the heading is there, the script is not.
  const preview = page.getByRole('region', { name: 'Preview of the saved body' });
  await expect(preview.getByRole('heading', { name: 'Fold, do not hang' })).toBeVisible();
  expect(await preview.locator('script').count()).toBe(0);

  // A fresh shopper, no staff cookie.
  const shopper = await (await browser.newContext()).newPage();
  shopper.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await shopper.goto('/');
  await shopper.getByRole('contentinfo').getByRole('link', { name: 'Blog' }).click();
  await expect(shopper).toHaveURL(/\/blog$/);
  await expect(shopper.getByRole('heading', { level: 1, name: 'Blog' })).toBeVisible();
  await shopper.getByRole('link', { name: title }).click();

  await expect(shopper.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(shopper.getByRole('heading', { level: 2, name: 'Fold, do not hang' })).toBeVisible();
  await expect(shopper.getByText('Done.')).toBeVisible();
  expect(await shopper.locator('.post-body script').count()).toBe(0);
  expect(await shopper.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await seriousViolations(shopper)).toEqual([]);

  await shopper.getByRole('link', { name: 'knitwear-care' }).click();
  await expect(shopper).toHaveURL(/\/blog\/tag\/knitwear-care$/);
  await expect(shopper.getByRole('heading', { level: 1, name: /knitwear-care/ })).toBeVisible();
  await expect(shopper.getByRole('link', { name: title })).toBeVisible();

  const missing = await shopper.goto('/blog/no-such-post');
  expect(missing?.status()).toBe(404);
  await expect(shopper.getByRole('heading', { level: 1, name: /couldn't find that post/ })).toBeVisible();
});

test('the blog index links its feed and passes axe', async ({ page }) => {
  await page.goto('/blog');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    '/blog/feed.xml',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'How to care for waxed canvas' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const feed = await page.request.get('/blog/feed.xml');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
});
