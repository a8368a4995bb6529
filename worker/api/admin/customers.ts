/** Back office: the customer list with search, and one customer's detail. Needs customers:read. */
import { listAddresses } from '@db/repositories/addresses';
import { listCustomerOrders } from '@db/repositories/customer-orders';
import { findCustomerById, searchCustomers } from '@db/repositories/customers';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { MoneyOut } from '@worker/http/schemas';
import { requirePermission } from '@worker/middleware/staff-guard';

export const ADMIN_PAGE_SIZE = 25;

const CustomerRow = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    country: z.string(),
    createdAt: z.number().int(),
    emailVerified: z.boolean(),
    orderCount: z.number().int(),
  })
  .openapi('AdminCustomerRow');

const staffResponses = problemResponses(400, 401, 403);

export const adminCustomers = newApi();

adminCustomers
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/customers',
      tags: ['Admin'],
      summary: 'Customers, newest first; `q` searches name and email',
      middleware: [requirePermission('customers:read')],
      request: {
        query: z
          .object({
            q: z.string().trim().max(100).optional(),
            page: z.coerce.number().int().min(1).max(10_000).default(1),
          })
          .strict(),
      },
      responses: {
        200: {
          description: 'One page of customers',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(CustomerRow),
                total: z.number().int(),
                page: z.number().int(),
                pageSize: z.number().int(),
              }),
            },
          },
        },
        ...staffResponses,
        ...faultResponses(),
      },
    }),
    async (c) => {
      const { q, page } = c.req.valid('query');
      const { items, total } = await searchCustomers(c.var.db, {
        query: q,
        limit: ADMIN_PAGE_SIZE,
        offset: (page - 1) * ADMIN_PAGE_SIZE,
      });
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          items: items.map(({ emailVerifiedAt, orderCount, ...row }) => ({
            ...row,
            emailVerified: emailVerifiedAt !== null,
            orderCount: Number(orderCount),
          })),
          total,
          page,
          pageSize: ADMIN_PAGE_SIZE,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/customers/{customerId}',
      tags: ['Admin'],
      summary: 'One customer: profile, addresses and recent orders',
      middleware: [requirePermission('customers:read')],
      request: { params: z.object({ customerId: idSchema('customer') }) },
      responses: {
        200: {
          description: 'The customer',
          content: {
            'application/json': {
              schema: z.object({
                customer: CustomerRow.omit({ orderCount: true }).extend({
                  birthYear: z.number().int().nullable(),
                }),
                addresses: z.array(z.record(z.string(), z.unknown())),
                orders: z.array(
                  z.object({
                    number: z.string(),
                    status: z.string(),
                    placedAt: z.number().int(),
                    total: MoneyOut,
                  }),
                ),
                orderCount: z.number().int(),
              }),
            },
          },
        },
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const customer = await findCustomerById(c.var.db, c.req.valid('param').customerId);
      if (!customer) throw new ProblemError('NOT_FOUND', 'No customer has that id.');
      const [addresses, orders] = await Promise.all([
        listAddresses(c.var.db, customer.id),
        listCustomerOrders(c.var.db, customer.id, { limit: 10, offset: 0 }),
      ]);
      c.header('Cache-Control', 'private, no-store');
      return c.json(
        {
          customer: {
            id: customer.id,
            email: customer.email,
            name: customer.name,
            country: customer.country,
            createdAt: customer.createdAt,
            emailVerified: customer.emailVerifiedAt !== null,
            birthYear: customer.birthYear,
          },
          addresses: addresses.map(({ customerId: _, ...a }) => a),
          orders: orders.items.map((o) => ({
            number: o.number,
            status: o.status,
            placedAt: o.placedAt,
            total: { amount: o.totalAmount, currency: o.currency },
          })),
          orderCount: orders.total,
        },
        200,
      );
    },
  );
