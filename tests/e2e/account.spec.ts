/**
 * Customer account e2e: sign up → confirm the email → log in → address book → log out; the guest cart joining the
 * account's cart at login; keyboard-only login with an announced error; and the same basics without JavaScript.
 * Emails are read from the local outbox (/dev/mailbox.json). At most two sign-ups per run: the register limit is
 * 5 a minute per client, and every request here comes from 127.0.0.1.
 */
import { expect, type Page, test } from '@playwright/test';
import { chooseInStockVariant } from '@tests/support/e2e/product-page';

const PASSWORD = 'correct horse battery';
const DEMO = { email: 'jane@demo.shop', password: 'jane-demo-1234' };

/** An address no run has used before. */
function freshEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** The newest link to `path` in mail sent to `email` (sent after the response, so polled), as a path and query. */
async function linkFromMailbox(page: Page, email: string, path: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/dev/mailbox.json?to=${encodeURIComponent(email)}`);
        const { messages } = (await res.json()) as { messages: Array<{ text: string }> };
        const found = messages
          .map((m) => new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s"<>]+`).exec(m.text)?.[0])
          .find(Boolean);
        if (found) link = new URL(found).pathname + new URL(found).search;
        return link;
      },
      { message: `a ${path} link emailed to ${email}`, timeout: 10_000 },
    )
    .not.toBe('');
  return link;
}

/** Signs up through the page and confirms the address with the emailed link. */
async function signUp(page: Page, email: string, name: string) {
  await page.goto('/account/register');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();

  await page.goto(await linkFromMailbox(page, email, '/account/verify'));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email address' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address is confirmed');
}

async function logIn(page: Page, email: string, password: string, path = '/account/login') {
  await page.goto(path);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * The header's Log out button, or the account navigation's: without JavaScript the header cannot know who is signed
 * in (pages are the same for everyone; the header's session island fills it in), so only the account pages offer it.
 */
async function logOut(page: Page, from: 'banner' | 'account-nav' = 'banner') {
  const area =
    from === 'banner' ? page.getByRole('banner') : page.getByRole('navigation', { name: 'Your account' });
  await area.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('status')).toContainText('You have logged out.');
  // With JavaScript the header's account link says so; without, it is the neutral "Account" link.
  const link = from === 'banner' ? 'Log in' : 'Account';
  await expect(page.getByRole('banner').getByRole('link', { name: link })).toBeVisible();
}

/** Adds `quantity` of the first in-stock product not in `skip` from its page; returns the product's name and slug. */
async function addSomething(page: Page, quantity: number, skip: string[] = []) {
  const list = await page.request.get('/api/products?limit=24');
  const slugs = ((await list.json()) as { items: Array<{ slug: string }> }).items
    .map((p) => p.slug)
    .filter((s) => !skip.includes(s));
  for (const slug of slugs) {
    await page.goto(`/p/${slug}`);
    if (!(await chooseInStockVariant(page))) continue;
    const name = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    await page.getByLabel('Quantity').fill(String(quantity));
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added ${quantity} × ${name}` })).toBeVisible();
    return { name, slug };
  }
  throw new Error('no product with an in-stock variant');
}

test('sign up, confirm the email, log in, save an address (a wrong ZIP is announced), log out', async ({
  page,
}) => {
  const email = freshEmail('journey');
  await signUp(page, email, 'Ada Shopper');

  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Account' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Your account' })
    .getByRole('link', { name: 'Addresses' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your addresses' })).toBeVisible();
  await expect(page.getByLabel('Country')).toHaveValue('US');
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Shopper');
  await page.getByLabel('Address line 1').fill('1 Main St');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State').fill('IL');
  const zip = page.getByLabel('ZIP code');
  await zip.fill('1234');
  await page.getByRole('button', { name: 'Save address' }).click();

  // The error is announced (role=alert), names the field by its US name, and is tied to the field.
  await expect(page.getByRole('alert')).toContainText('ZIP code must look like 95014.');
  await expect(zip).toHaveAttribute('aria-invalid', 'true');
  await expect(zip).toHaveAccessibleDescription(/ZIP code must look like 95014/);

  await zip.fill('62701');
  await page.getByLabel('Use as my default shipping address').check();
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('status')).toContainText('Address saved.');
  const saved = page.getByRole('list', { name: 'Saved addresses' }).getByRole('listitem');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Springfield, IL 62701');
  await expect(saved).toContainText('Default shipping');

  await logOut(page);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'session')).toBeUndefined();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account\/login\?next=%2Faccount$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
});

test('a guest cart joins the account’s cart at login, nothing lost or doubled', async ({ page }) => {
  const email = freshEmail('merge');
  await signUp(page, email, 'Mo Merge');

  // The account's cart: one line, left behind at logout (the cart leaves the device with the session).
  await logIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  const mine = await addSomething(page, 2);
  await expect(page.getByRole('link', { name: 'Cart 2 items' })).toBeVisible();
  await logOut(page);
  await expect(page.getByRole('link', { name: 'Cart 0 items' })).toBeVisible();

  // As a guest, another product; then log in from the login page that brings the shopper back to the cart.
  const guest = await addSomething(page, 1, [mine.slug]);
  await expect(page.getByRole('link', { name: 'Cart 1 item' })).toBeVisible();
  await logIn(page, email, PASSWORD, `/account/login?next=${encodeURIComponent('/cart')}`);

  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: mine.name }).getByLabel(`Quantity of ${mine.name}`)).toHaveValue('2');
  await expect(lines.filter({ hasText: guest.name }).getByLabel(`Quantity of ${guest.name}`)).toHaveValue(
    '1',
  );
  await expect(page.getByRole('link', { name: 'Cart 3 items' })).toBeVisible();
});

test('login works with the keyboard alone, and a wrong password is announced', async ({ page }) => {
  await page.goto('/account/login');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.type(DEMO.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText('The email address or password is wrong.');
  // Still on the form, ready to try again with the keyboard.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('log in, see the account, log out: plain form posts', async ({ page }) => {
    await logIn(
      page,
      DEMO.email,
      DEMO.password,
      `/account/login?next=${encodeURIComponent('/account/orders')}`,
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'No orders yet' })).toBeVisible();
    await logOut(page, 'account-nav');
    await page.goto('/account/profile');
    await expect(page).toHaveURL(/\/account\/login\?next=%2Faccount%2Fprofile$/);
  });

  test('the address form follows the chosen country after "Update fields"', async ({ page }) => {
    await logIn(
      page,
      DEMO.email,
      DEMO.password,
      `/account/login?next=${encodeURIComponent('/account/addresses')}`,
    );
    await expect(page.getByRole('heading', { level: 1, name: 'Your addresses' })).toBeVisible();
    await page.getByLabel('Address line 1').fill('10 Downing Street');
    await page.getByLabel('Country').selectOption('GB');
    await page.getByRole('button', { name: 'Update fields' }).click();
    await expect(page.getByLabel('Postcode')).toBeVisible();
    await expect(page.getByLabel('Address line 1')).toHaveValue('10 Downing Street');
    await expect(page.getByLabel('State')).toHaveCount(0);
  });
});
