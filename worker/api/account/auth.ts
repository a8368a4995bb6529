/**
 * Customer sign-up, verification, login, logout and password reset. Limits: per client address and per account
 * (worker/services/limits); answers that could reveal whether an email has an account are the same either way.
 */

import { deleteSessionsOf } from '@db/repositories/sessions';
import {
  EmailSchema,
  LoginInputSchema,
  NewPasswordSchema,
  RegisterInputSchema,
} from '@domain/identity/account-input';
import { createRoute, z } from '@hono/zod-openapi';
import { sendAccountEmail } from '@worker/http/account-email';
import { jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import {
  clearSessionCookie,
  requireCustomer,
  sessionToken,
  setSessionCookie,
} from '@worker/middleware/session';
import {
  login,
  register,
  requestPasswordReset,
  resetPassword,
  unlock,
  verifyEmail,
} from '@worker/services/identity/customer-accounts';
import { endSession } from '@worker/services/identity/sessions';
import { logoutCart, mergeGuestCart } from './cart-at-login';
import { accountContext, failure, limitAttempt } from './context';
import { CustomerOut, toCustomerOut } from './schemas';

const TokenBody = z.object({ token: z.string().min(1).max(128) }).strict();
const Accepted = z.object({ message: z.string() }).openapi('Accepted');
const accepted = (description: string) => ({
  202: { description, content: { 'application/json': { schema: Accepted } } },
});
const noContent = (description: string) => ({ 204: { description } });

export const accountAuth = newApi();

accountAuth
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/register',
      tags: ['Account'],
      summary:
        'Sign up; a verification link is emailed (the answer is the same for an address already registered)',
      request: { body: jsonBody(RegisterInputSchema.openapi('Register')) },
      responses: { ...accepted('Check your inbox'), ...writeResponses() },
    }),
    async (c) => {
      await limitAttempt(c, 'register-address');
      const input = c.req.valid('json');
      const email = await register(accountContext(c), input, c.env.SHOP_COUNTRY ?? 'US');
      sendAccountEmail(c, email);
      return c.json(
        { message: 'Check your inbox: we have sent you a link to verify your email address.' },
        202,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/verify-email',
      tags: ['Account'],
      summary: 'Verify an email address with the emailed token',
      request: { body: jsonBody(TokenBody) },
      responses: { ...noContent('Verified: you can log in'), ...writeResponses() },
    }),
    async (c) => {
      await limitAttempt(c, 'verify-address');
      const result = await verifyEmail(accountContext(c), c.req.valid('json').token);
      if (!result.ok) throw failure(result.error);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/login',
      tags: ['Account'],
      summary: 'Log in; sets the session cookie and merges this browser’s cart into the account’s',
      request: { body: jsonBody(LoginInputSchema.openapi('Login')) },
      responses: {
        200: { description: 'Logged in', content: { 'application/json': { schema: CustomerOut } } },
        ...problemResponses(401, 403),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await limitAttempt(c, 'login-address', ['login-account', input.email]);
      const { result, email } = await login(accountContext(c), {
        ...input,
        userAgent: c.req.header('User-Agent'),
      });
      sendAccountEmail(c, email);
      if (!result.ok) throw failure(result.error);
      await endSession(c.var.db, sessionToken(c, 'customer'));
      setSessionCookie(c, 'customer', result.value.sessionToken);
      await mergeGuestCart(c, result.value.customer.id);
      return c.json(toCustomerOut(result.value.customer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/logout',
      tags: ['Account'],
      summary: 'Log out this browser (ends the session, clears the cookie and the browser’s cached pages)',
      responses: { ...noContent('Logged out'), ...writeResponses() },
    }),
    async (c) => {
      await logoutCart(c);
      await endSession(c.var.db, sessionToken(c, 'customer'));
      clearSessionCookie(c, 'customer');
      c.header('Clear-Site-Data', '"cache"');
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/logout-everywhere',
      tags: ['Account'],
      summary: 'Log out every browser signed in to this account',
      responses: { ...noContent('Every session ended'), ...problemResponses(401), ...writeResponses() },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      await logoutCart(c);
      await deleteSessionsOf(c.var.db, 'customer', principal.id);
      clearSessionCookie(c, 'customer');
      c.header('Clear-Site-Data', '"cache"');
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/password-reset',
      tags: ['Account'],
      summary:
        'Ask for a password reset link (the answer is the same whether or not the address has an account)',
      request: { body: jsonBody(z.object({ email: EmailSchema }).strict()) },
      responses: { ...accepted('If the address has an account, a link is on its way'), ...writeResponses() },
    }),
    async (c) => {
      const { email: address } = c.req.valid('json');
      await limitAttempt(c, 'reset-address', ['reset-account', address]);
      sendAccountEmail(c, await requestPasswordReset(accountContext(c), address));
      return c.json(
        { message: 'If that address has an account, we have sent it a link to reset the password.' },
        202,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/password-reset/confirm',
      tags: ['Account'],
      summary: 'Set a new password with the emailed token (ends every session of the account)',
      request: { body: jsonBody(TokenBody.extend({ password: NewPasswordSchema }).strict()) },
      responses: { ...noContent('Password changed: log in with it'), ...writeResponses() },
    }),
    async (c) => {
      await limitAttempt(c, 'verify-address');
      const { token, password } = c.req.valid('json');
      const result = await resetPassword(accountContext(c), token, password);
      if (!result.ok) throw failure(result.error);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/unlock',
      tags: ['Account'],
      summary: 'Lift a failed-login lock with the emailed token',
      request: { body: jsonBody(TokenBody) },
      responses: { ...noContent('Unlocked'), ...writeResponses() },
    }),
    async (c) => {
      await limitAttempt(c, 'verify-address');
      const result = await unlock(accountContext(c), c.req.valid('json').token);
      if (!result.ok) throw failure(result.error);
      return c.body(null, 204);
    },
  );
