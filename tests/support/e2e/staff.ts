/**
 * e2e sign-in for staff. Logins are limited per account (10 a minute, worker/services/limits/limiter.ts), and a dozen
 * specs sign in as the same demo administrator, one after another, and the limit refused a login now and then (the
 * admin spec's login tests failed on it in CI). So each test worker signs in through the form once per account and
 * later calls reuse that session's cookie, as a returning staff member's browser would; a session that has ended
 * (logged out, revoked) is noticed and replaced by a fresh login. Specs about the login form itself use the form.
 */
import { type Cookie, expect, type Page } from '@playwright/test';

export interface StaffLogin {
  email: string;
  password: string;
}

export const ADMIN_STAFF: StaffLogin = { email: 'admin@demo.shop', password: 'admin-demo-1234' };
export const WAREHOUSE_STAFF: StaffLogin = { email: 'warehouse@demo.shop', password: 'warehouse-demo-1234' };
export const CONTENT_STAFF: StaffLogin = { email: 'content@demo.shop', password: 'content-demo-1234' };

/** A client address of its own: writes are limited per address too (the Worker reads X-Forwarded-For locally). */
export const freshAddress = () =>
  `198.51.${76 + Math.floor(Math.random() * 30)}.${Math.floor(Math.random() * 250)}`;

/** This worker process's staff session cookies, by email. */
const sessions = new Map<string, Cookie[]>();

const onLoginPage = (page: Page) => new URL(page.url()).pathname === '/admin/login';

/**
 * Signs `page` in as `staff` and opens `landing` (a back-office or warehouse page): with this worker's session for
 * that account when it is still good, else through the login form.
 */
export async function logInStaff(page: Page, staff: StaffLogin, landing = '/admin'): Promise<void> {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddress() });
  const saved = sessions.get(staff.email);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(landing);
    if (!onLoginPage(page)) return;
    sessions.delete(staff.email);
  }
  await page.goto(`/admin/login?next=${encodeURIComponent(landing)}`);
  await page.getByLabel('Email address').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === landing);
  const cookies = await page.context().cookies();
  sessions.set(
    staff.email,
    cookies.filter((c) => c.name.endsWith('staff_session')),
  );
}
