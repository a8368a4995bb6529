/**
 * Reviews end to end: a signed-out shopper follows "Write a review" through the login page to the review form, writes
 * a review whose text holds markup, an administrator approves it in the moderation queue, and the product page shows
 * it, its markup as plain text.
 */
import { expect, test } from '@playwright/test';
import { ADMIN_STAFF, freshAddress, logInStaff } from '@tests/support/e2e/staff';

const JANE = { email: 'jane@demo.shop', password: 'jane-demo-1234' };
const MARKUP = '<img src=x onerror=alert(1)>';

test('a customer writes a review, an administrator approves it, the product page shows it as text', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const list = (await (await request.get('/api/products?limit=1&sort=newest')).json()) as {
    items: { slug: string; name: string }[];
  };
  const product = list.items[0]!;
  const title = `Honest words ${Date.now()}`;

  // The shopper: signed out, the link leads through the login page to the form.
  const shopper = await browser.newPage();
  await shopper.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddress() });
  let alerted = false;
  shopper.on('dialog', async (d) => {
    alerted = true;
    await d.dismiss();
  });
  await shopper.goto(`/p/${product.slug}`);
  await shopper.getByRole('link', { name: 'Write a review' }).click();
  await expect(shopper).toHaveURL(/\/account\/login/);
  await shopper.getByLabel('Email address').fill(JANE.email);
  await shopper.getByLabel('Password').fill(JANE.password);
  await shopper.getByRole('button', { name: 'Log in' }).click();
  await expect(shopper).toHaveURL(new RegExp(`/account/reviews/${product.slug}$`));
  await expect(shopper.getByRole('heading', { level: 1, name: 'Write a review' })).toBeVisible();

  await shopper.getByRole('button', { name: 'Submit review' }).click();
  await expect(shopper.getByRole('alert')).toContainText(/rating/i);
  await shopper.getByRole('radio', { name: /^5 stars/ }).check();
  await shopper.getByLabel('Title', { exact: true }).fill(title);
  await shopper.getByRole('textbox', { name: 'Your review' }).fill(`Sturdy and warm. ${MARKUP}`);
  await shopper.getByRole('button', { name: 'Submit review' }).click();
  await expect(shopper.getByRole('status')).toContainText('once a moderator has checked it');
  await expect(shopper.getByText('Awaiting moderation')).toBeVisible();

  await shopper.goto('/account/reviews');
  await expect(shopper.getByRole('link', { name: product.name, exact: true })).toBeVisible();

  // Not public yet.
  const visitor = await browser.newPage();
  await visitor.goto(`/p/${product.slug}`);
  await expect(visitor.getByText(title)).toHaveCount(0);

  // The administrator approves it.
  const admin = await browser.newPage();
  await logInStaff(admin, ADMIN_STAFF);
  await admin.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Reviews' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  // Oldest first: the seeded queue may put hers on a later page.
  const card = admin.getByRole('article').filter({ hasText: title });
  while ((await card.count()) === 0) await admin.getByRole('link', { name: 'Next page' }).click();
  await expect(card).toContainText(MARKUP);
  await card.getByRole('button', { name: /^Approve/ }).click();
  await expect(admin.getByRole('status')).toContainText('Published the review by Jane D.');

  // Shown on the product page, markup as text. The page may come from the edge cache for up to a second after the
  // approval (the isolate trusts the catalog version it read for VERSION_MEMO_MS), so the visitor reloads until then.
  const reviews = visitor.getByRole('region', { name: 'Customer reviews' });
  const mine = reviews.getByRole('article').filter({ hasText: title });
  await expect(async () => {
    await visitor.goto(`/p/${product.slug}`);
    await expect(mine).toContainText(`Sturdy and warm. ${MARKUP}`, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(mine).toContainText('Jane D.');
  await expect(reviews.locator('img[src="x"]')).toHaveCount(0);
  await expect(reviews.getByRole('list', { name: 'Reviews by star rating' })).toBeVisible();
  expect(alerted).toBe(false);

  // Her account shows it published.
  await shopper.goto('/account/reviews');
  await expect(shopper.getByText('Other shoppers can read it on the product page.')).toBeVisible();
});
