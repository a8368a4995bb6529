/** The signed-in shopper's own account: profile, password, email change, export and erasure. */
import { listAddresses } from '@db/repositories/addresses';
import { listCustomerOrderLines, listCustomerOrders } from '@db/repositories/customer-orders';
import { findCustomerById, updateCustomer } from '@db/repositories/customers';
import { SUPPORTED_COUNTRY_CODES } from '@domain/customers/address';
import { EmailSchema, NewPasswordSchema, PersonNameSchema } from '@domain/identity/account-input';
import { createRoute, z } from '@hono/zod-openapi';
import { sendAccountEmail } from '@worker/http/account-email';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { clearSessionCookie, requireCustomer, setSessionCookie } from '@worker/middleware/session';
import {
  changePassword,
  confirmEmailChange,
  deleteAccount,
  requestEmailChange,
} from '@worker/services/identity/customer-accounts';
import { forgetCartCookie } from './cart-at-login';
import { accountContext, failure, limitAttempt } from './context';
import { CustomerOut, toCustomerOut } from './schemas';

const customerResponse = (description: string) => ({
  200: { description, content: { 'application/json': { schema: CustomerOut } } },
});
const PasswordField = z.string().min(1).max(256);

export const accountProfile = newApi();

/** The signed-in customer's full row, or 401. */
async function me(c: Parameters<typeof requireCustomer>[0]) {
  const { principal, sessionHash } = await requireCustomer(c);
  const customer = await findCustomerById(c.var.db, principal.id);
  if (!customer) throw new ProblemError('UNAUTHENTICATED', 'Log in to your account first.');
  return { customer, sessionHash };
}

accountProfile
  .openapi(
    createRoute({
      method: 'get',
      path: '/account',
      tags: ['Account'],
      summary: 'The signed-in customer',
      responses: { ...customerResponse('You'), ...problemResponses(401), ...faultResponses() },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.json(toCustomerOut((await me(c)).customer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/account',
      tags: ['Account'],
      summary: 'Change your name or country',
      request: {
        body: jsonBody(
          z
            .object({
              name: PersonNameSchema.optional(),
              country: z.enum(SUPPORTED_COUNTRY_CODES).optional(),
            })
            .strict()
            .openapi('ProfileChange'),
        ),
      },
      responses: { ...customerResponse('Updated'), ...problemResponses(401), ...writeResponses() },
    }),
    async (c) => {
      const { customer } = await me(c);
      const changes = c.req.valid('json');
      await updateCustomer(c.var.db, customer.id, changes, Date.now());
      return c.json(toCustomerOut({ ...customer, ...changes }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/password',
      tags: ['Account'],
      summary: 'Change your password (other sessions end; this browser gets a new session)',
      request: {
        body: jsonBody(z.object({ currentPassword: PasswordField, newPassword: NewPasswordSchema }).strict()),
      },
      responses: { 204: { description: 'Changed' }, ...problemResponses(401), ...writeResponses() },
    }),
    async (c) => {
      const { customer } = await me(c);
      await limitAttempt(c, 'login-address', ['login-account', customer.email]);
      const input = c.req.valid('json');
      const result = await changePassword(accountContext(c), {
        customerId: customer.id,
        ...input,
        userAgent: c.req.header('User-Agent'),
      });
      if (!result.ok) throw failure(result.error);
      setSessionCookie(c, 'customer', result.value.sessionToken);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/email',
      tags: ['Account'],
      summary: 'Change your email address: a confirmation link goes to the new address',
      request: { body: jsonBody(z.object({ newEmail: EmailSchema, password: PasswordField }).strict()) },
      responses: {
        202: {
          description: 'Check the new inbox',
          content: { 'application/json': { schema: z.object({ message: z.string() }) } },
        },
        ...problemResponses(401),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { customer } = await me(c);
      await limitAttempt(c, 'verify-address', ['verify-account', customer.email]);
      const result = await requestEmailChange(accountContext(c), {
        customerId: customer.id,
        ...c.req.valid('json'),
      });
      if (!result.ok) throw failure(result.error);
      sendAccountEmail(c, result.value);
      return c.json({ message: 'Check the new address’s inbox for a link to confirm the change.' }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/email/confirm',
      tags: ['Account'],
      summary: 'Confirm an email change with the token sent to the new address',
      request: { body: jsonBody(z.object({ token: z.string().min(1).max(128) }).strict()) },
      responses: { ...customerResponse('Changed'), ...problemResponses(401), ...writeResponses() },
    }),
    async (c) => {
      const { customer, sessionHash } = await me(c);
      await limitAttempt(c, 'verify-address', ['verify-account', customer.email]);
      const result = await confirmEmailChange(accountContext(c), {
        customerId: customer.id,
        token: c.req.valid('json').token,
        keepSessionHash: sessionHash,
      });
      if (!result.ok) throw failure(result.error);
      const updated = await findCustomerById(c.var.db, customer.id);
      return c.json(toCustomerOut(updated ?? customer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/export',
      tags: ['Account'],
      summary: 'Everything the shop keeps about you, as JSON',
      responses: {
        200: {
          description: 'Your data',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses(401),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { customer } = await me(c);
      const [addresses, orders, orderLines] = await Promise.all([
        listAddresses(c.var.db, customer.id),
        listCustomerOrders(c.var.db, customer.id, { limit: 10_000, offset: 0 }),
        listCustomerOrderLines(c.var.db, customer.id),
      ]);
      const { passwordHash: _, ...profile } = customer;
      c.header('Cache-Control', 'private, no-store');
      c.header('Content-Disposition', 'attachment; filename="my-account.json"');
      return c.json(
        { exportedAt: new Date().toISOString(), profile, addresses, orders: orders.items, orderLines },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/account',
      tags: ['Account'],
      summary: 'Delete your account: personal data erased, orders kept for the shop’s records',
      request: { body: jsonBody(z.object({ password: PasswordField }).strict()) },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401), ...writeResponses() },
    }),
    async (c) => {
      const { customer } = await me(c);
      await limitAttempt(c, 'login-address', ['login-account', customer.email]);
      const result = await deleteAccount(accountContext(c), {
        customerId: customer.id,
        password: c.req.valid('json').password,
      });
      if (!result.ok) throw failure(result.error);
      clearSessionCookie(c, 'customer');
      forgetCartCookie(c);
      c.header('Clear-Site-Data', '"cache"');
      return c.body(null, 204);
    },
  );
