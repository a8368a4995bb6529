/** The signed-in shopper's address book, validated per country (domain/customers/address). */
import {
  type AddressRow,
  countAddresses,
  deleteAddress,
  insertAddress,
  listAddresses,
  MAX_ADDRESSES,
  updateAddress,
} from '@db/repositories/addresses';
import { idSchema } from '@domain/core/id-schema';
import { newId } from '@domain/core/ids';
import { AddressInputSchema } from '@domain/customers/address';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requireCustomer } from '@worker/middleware/session';

const AddressOut = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string().nullable(),
    isDefaultShipping: z.boolean(),
    isDefaultBilling: z.boolean(),
  })
  .openapi('Address');

const toOut = ({ customerId: _, createdAt: __, ...a }: AddressRow) => a;

const AddressBody = z
  .object({
    address: AddressInputSchema,
    defaultShipping: z.boolean().optional(),
    defaultBilling: z.boolean().optional(),
  })
  .strict()
  .openapi('AddressChange');
const Params = z.object({ addressId: idSchema('address') });
const book = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.object({ items: z.array(AddressOut) }) } },
});

export const accountAddresses = newApi();

async function addressBook(c: Parameters<typeof requireCustomer>[0], customerId: string) {
  c.header('Cache-Control', 'private, no-store');
  return { items: (await listAddresses(c.var.db, customerId)).map(toOut) };
}

accountAddresses
  .openapi(
    createRoute({
      method: 'get',
      path: '/account/addresses',
      tags: ['Account'],
      summary: 'Your saved addresses',
      responses: { 200: book('Your addresses'), ...problemResponses(401), ...faultResponses() },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      return c.json(await addressBook(c, principal.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/account/addresses',
      tags: ['Account'],
      summary: `Save an address (at most ${MAX_ADDRESSES})`,
      request: { body: jsonBody(AddressBody) },
      responses: {
        201: book('Your addresses, with the new one'),
        ...problemResponses(401),
        ...writeResponses(),
      },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      if ((await countAddresses(c.var.db, principal.id)) >= MAX_ADDRESSES) {
        throw new ProblemError(
          'CONFLICT',
          `You can keep at most ${MAX_ADDRESSES} addresses; delete one first.`,
        );
      }
      const now = Date.now();
      await insertAddress(c.var.db, {
        id: newId('address', now),
        customerId: principal.id,
        now,
        ...c.req.valid('json'),
      });
      return c.json(await addressBook(c, principal.id), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/account/addresses/{addressId}',
      tags: ['Account'],
      summary: 'Replace a saved address',
      request: { params: Params, body: jsonBody(AddressBody) },
      responses: { 200: book('Your addresses'), ...problemResponses(401, 404), ...writeResponses() },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      const { addressId } = c.req.valid('param');
      const found = await updateAddress(c.var.db, {
        id: addressId,
        customerId: principal.id,
        ...c.req.valid('json'),
      });
      if (!found) throw new ProblemError('NOT_FOUND', 'You have no address with that id.');
      return c.json(await addressBook(c, principal.id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/account/addresses/{addressId}',
      tags: ['Account'],
      summary: 'Delete a saved address',
      request: { params: Params },
      responses: { 200: book('Your addresses'), ...problemResponses(401, 404), ...writeResponses() },
    }),
    async (c) => {
      const { principal } = await requireCustomer(c);
      if (!(await deleteAddress(c.var.db, principal.id, c.req.valid('param').addressId))) {
        throw new ProblemError('NOT_FOUND', 'You have no address with that id.');
      }
      return c.json(await addressBook(c, principal.id), 200);
    },
  );
