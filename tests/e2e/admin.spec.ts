/**
 * Back office e2e: each demo role sees exactly its navigation and gets the 403 page elsewhere, anonymous visitors are
 * sent to log in (and back), an invitation goes from the invite form through the email link to a working login, role
 * changes and disabling go through their confirmations, the audit log shows it all, and login works by keyboard.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { logInStaff } from '@tests/support/e2e/staff';

interface Account {
  email: string;
  password: string;
  name: string;
  roles: string;
  nav: string[];
}

const ACCOUNTS: Record<'admin' | 'content' | 'warehouse' | 'lead', Account> = {
  admin: {
    email: 'admin@demo.shop',
    password: 'admin-demo-1234',
    name: 'Ada Admin',
    roles: 'Administrator',
    nav: [
      'Home',
      'Orders',
      'Reports',
      'Products',
      'Categories',
      'Collections',
      'Customers',
      'Promotions',
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
      'Shipping',
      'Taxes',
      'Staff',
      'Audit log',
    ],
  },
  content: {
    email: 'content@demo.shop',
    password: 'content-demo-1234',
    name: 'Cory Content',
    roles: 'Content manager',
    nav: [
      'Home',
      'Products',
      'Categories',
      'Collections',
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
    ],
  },
  warehouse: {
    email: 'warehouse@demo.shop',
    password: 'warehouse-demo-1234',
    name: 'Wren Warehouse',
    roles: 'Warehouse',
    nav: ['Home', 'Orders', 'Products', 'Categories', 'Collections'],
  },
  lead: {
    email: 'lead@demo.shop',
    password: 'lead-demo-1234',
    name: 'Lee Lead',
    roles: 'Content manager, Warehouse',
    nav: [
      'Home',
      'Orders',
      'Products',
      'Categories',
      'Collections',
      'Reviews',
      'Landing pages',
      'Blog posts',
      'Banners',
      'Media',
      'Navigation',
    ],
  },
};

// Logins are limited per client address (20 a minute) and every request here comes from 127.0.0.1: each page gets
// its own address (worker/middleware/rate-limit.ts reads X-Forwarded-For when there is no CF-Connecting-IP).
const ipBase = Date.now() % 200;
let ipCount = 0;
async function ownAddress(page: Page): Promise<void> {
  ipCount++;
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.${ipBase}.${ipCount}` });
}

test.beforeEach(async ({ page }) => ownAddress(page));

const nav = (page: Page) => page.getByRole('navigation', { name: 'Back office' });

/** Through the login page at `path` (the flow under test), else as tests/support/e2e/staff.ts signs staff in. */
async function logIn(page: Page, account: Pick<Account, 'email' | 'password'>, path?: string) {
  if (path === undefined) return logInStaff(page, account);
  await page.goto(path);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

async function expectNavigation(page: Page, labels: string[]) {
  await expect(nav(page).getByRole('link')).toHaveText(labels);
}

async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await expect(
    page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/admin');
}

/** The newest email to `to` (sent after the response, so it may take a moment to arrive). */
async function newestMail(page: Page, to: string): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`/dev/mailbox.json?to=${encodeURIComponent(to)}`);
      found = ((await res.json()) as { messages: { subject: string; text: string }[] }).messages[0];
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await ownAddress(page);
  return page;
}

test('an anonymous visitor is sent to log in, then on to the page asked for', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL('/admin/login?next=%2Fadmin');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in to the back office' })).toBeVisible();

  await page.goto('/admin/customers?q=jane');
  await expect(page).toHaveURL(/\/admin\/login\?next=/);
  await logIn(page, ACCOUNTS.admin, page.url());
  await expect(page).toHaveURL('/admin/customers?q=jane');
  const table = page.getByRole('table', { name: /Customers 1–1 of 1/ });
  await expect(table.getByRole('rowheader', { name: 'Jane Doe' })).toBeVisible();

  // The next address is only ever a back-office page.
  await page.context().clearCookies();
  await logIn(page, ACCOUNTS.admin, '/admin/login?next=https://evil.example/');
  await expect(page).toHaveURL('/admin');
});

test('a wrong password is announced, and the form keeps the address', async ({ page }) => {
  await page.goto('/admin/login');
  await page.getByLabel('Email address').fill(ACCOUNTS.content.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email address or password is wrong.');
  await expect(page.getByLabel('Email address')).toHaveValue(ACCOUNTS.content.email);
});

for (const [role, account] of Object.entries(ACCOUNTS)) {
  test(`${role}: the navigation shows exactly the pages the roles allow`, async ({ page }) => {
    await logIn(page, account);
    await expect(page).toHaveURL('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Welcome back, ${account.name.split(' ')[0]}`,
    );
    await expect(page.getByText(`Your roles: ${account.roles}`)).toBeVisible();
    await expectNavigation(page, account.nav);
    await expect(nav(page).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(account.name, { exact: true }).first()).toBeVisible();

    if (role === 'admin') {
      await expect(page.getByRole('heading', { name: 'Newest customers' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Latest activity' })).toBeVisible();
      for (const path of ['/admin/customers', '/admin/staff', '/admin/audit']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
        await expect(nav(page).locator('[aria-current="page"]'), path).toHaveAttribute('href', path);
      }
      // A customer's page, from the list; an unknown id is a 404 page.
      await page.goto('/admin/customers?q=jane');
      await page.getByRole('link', { name: 'Jane Doe' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Jane Doe' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Addresses' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Recent orders' })).toBeVisible();
      const missing = await page.goto('/admin/customers/cus_01JZ0000000000000000000000');
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that customer");
      await expectForbidden(page, '/admin/settings');
      await expectNavigation(page, account.nav);
    } else {
      await expect(page.getByRole('heading', { name: 'Newest customers' })).toHaveCount(0);
      for (const path of ['/admin/customers', '/admin/staff', '/admin/audit', '/admin/customers/cus_x']) {
        await expectForbidden(page, path);
      }
      // The refused page's own data never reaches the browser.
      await expect(page.getByText('jane@demo.shop')).toHaveCount(0);
    }
  });
}

test('staff pages are not cached or indexed, and Log out ends the session', async ({ page }) => {
  await logIn(page, ACCOUNTS.lead);
  const res = await page.goto('/admin');
  expect(res?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');

  const logout = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Log out' }).click();
  expect((await (await logout).allHeaders())['clear-site-data']).toBe('"cache"');
  await expect(page).toHaveURL('/admin/login?signedOut=1');
  await expect(page.getByRole('status')).toHaveText('You have logged out.');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login\?next=/);
});

test('login works with the keyboard alone', async ({ page }) => {
  await page.goto('/admin/login');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.type(ACCOUNTS.warehouse.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(ACCOUNTS.warehouse.password);
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  // Should the form answer with an error instead, the failure shows its text.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL('/admin');
  await expectNavigation(page, ACCOUNTS.warehouse.nav);

  // The first Tab on a signed-in page reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('an invited member joins, logs in with their role, and the changes appear in the audit log', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const email = `e2e-${Date.now().toString(36)}@example.com`;
  const name = 'Ivy Invitee';

  // The administrator invites someone as a content manager.
  await logIn(page, ACCOUNTS.admin);
  await page.goto('/admin/staff');
  const invite = page.getByRole('region', { name: 'Invite a staff member' });
  // A name of spaces passes the browser's `required` but not the server's rule; the error is tied to the field.
  await invite.getByLabel('Name').fill('   ');
  await invite.getByLabel('Email address').fill(email);
  await invite.getByRole('checkbox', { name: /Content manager/ }).check();
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(invite.getByLabel('Name')).toHaveAccessibleDescription(
    'Enter their name (up to 100 characters).',
  );
  await expect(invite.getByRole('alert')).toHaveText('Please check the form.');
  await invite.getByLabel('Name').fill(name);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Invitation sent to ${email}.`);
  const pending = page.getByRole('table', { name: 'Pending invitations, newest first' });
  await expect(pending.getByRole('rowheader', { name: new RegExp(email) })).toBeVisible();

  // The invitee opens the emailed link (opening it spends nothing), chooses a password and logs in.
  const mail = await newestMail(page, email);
  expect(mail.subject).toContain('invit');
  const link = /https?:\/\/\S+\/admin\/accept-invitation\?token=\S+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  const invitee = await newPage(browser);
  const path = new URL(link!).pathname + new URL(link!).search;
  await invitee.goto(path);
  await invitee.goto(path);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Join the team, Ivy' })).toBeVisible();
  await expect(invitee.getByText(email)).toBeVisible();
  const password = 'ivy-e2e-password-1';
  await invitee.getByLabel('Choose a password').fill(password);
  await invitee.getByRole('button', { name: 'Create my account' }).click();
  await expect(invitee).toHaveURL('/admin/login?welcome=1');
  await expect(invitee.getByRole('status')).toContainText('Your account is ready');
  await logIn(invitee, { email, password });
  await expectNavigation(invitee, [
    'Home',
    'Products',
    'Categories',
    'Collections',
    'Reviews',
    'Landing pages',
    'Blog posts',
    'Banners',
    'Media',
    'Navigation',
  ]);
  await expect(invitee.getByText('Your roles: Content manager')).toBeVisible();

  // The link works once.
  const reused = await invitee.goto(path);
  expect(reused?.status()).toBe(400);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Invitation not valid' })).toBeVisible();

  // The administrator adds the warehouse role; the member's session ends with it.
  await page.goto('/admin/staff');
  await page.getByRole('button', { name: `Edit roles of ${name}` }).click();
  const rolesDialog = page.getByRole('dialog', { name: `Roles of ${name}` });
  await rolesDialog.getByRole('checkbox', { name: 'Warehouse' }).check();
  await rolesDialog.getByRole('button', { name: `Save roles for ${name}` }).click();
  await expect(page.locator('#member-status').getByRole('status')).toHaveText(
    `${name}’s roles are now: Content manager, Warehouse. They log in again to use them.`,
  );
  await expect(rolesDialog).toBeHidden();
  await invitee.goto('/admin');
  await expect(invitee).toHaveURL(/\/admin\/login\?next=/);

  // Disable and enable again, each behind its confirmation.
  await page.getByRole('button', { name: `Disable ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Disable ${name}?` })
    .getByRole('button', { name: `Yes, disable ${name}` })
    .click();
  await expect(page.locator('#member-status').getByRole('status')).toHaveText(
    `${name} is disabled and signed out everywhere.`,
  );
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Enable ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Enable ${name}?` })
    .getByRole('button', { name: `Yes, enable ${name}` })
    .click();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // The audit log shows the invitation and the role change, with before/after snapshots.
  await page.goto('/admin/audit');
  await page.getByLabel('Entity id').fill(email);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entityId=/);
  const entries = page.getByRole('table', { name: /Audit log entries/ });
  await expect(entries.getByRole('rowheader', { name: /staff\.invite/ })).toBeVisible();
  await expect(entries.getByRole('cell', { name: ACCOUNTS.admin.email })).toBeVisible();

  await page.goto('/admin/audit?action=staff.roles');
  // Each entry is a row group: the entry, then its before/after snapshots behind a disclosure.
  const change = page
    .getByRole('table', { name: /Audit log entries/ })
    .getByRole('rowgroup')
    .nth(1);
  await expect(change.getByRole('rowheader')).toHaveText(/Changed roles/);
  await change.getByText('Details').click();
  await expect(change.locator('pre').nth(0)).toContainText('"content"');
  await expect(change.locator('pre').nth(1)).toContainText('"warehouse"');
  await expect(change.locator('pre').nth(1)).toContainText(`"name": "${name}"`);
});

test('the staff page shows the service’s refusal to leave the shop without an administrator', async ({
  page,
}) => {
  await logIn(page, ACCOUNTS.admin);
  await page.goto('/admin/staff');
  await page.getByRole('button', { name: 'Edit roles of Ada Admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Roles of Ada Admin' });
  await dialog.getByRole('checkbox', { name: 'Administrator' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Content manager' }).check();
  await dialog.getByRole('button', { name: 'Save roles for Ada Admin' }).click();
  await expect(page.locator('#member-status').getByRole('alert')).toHaveText(
    'The shop needs at least one enabled administrator.',
  );
  await page.goto('/admin/staff');
  await expectNavigation(page, ACCOUNTS.admin.nav);
});

test('the unlock page spends nothing on opening, and says so when its link is no good', async ({ page }) => {
  await page.goto(`/admin/unlock?token=${'x'.repeat(43)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your account' })).toBeVisible();
  await page.getByRole('button', { name: 'Unlock my account' }).click();
  await expect(page.getByRole('alert')).toContainText('invalid');
});
