/** Response shapes of the account API: what a shopper may see of their own account (never a hash). */
import type { Customer } from '@db/repositories/customers';
import { z } from '@hono/zod-openapi';

export const CustomerOut = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    country: z.string(),
    emailVerified: z.boolean(),
    createdAt: z.number().int(),
  })
  .openapi('Customer');

export const toCustomerOut = (c: Customer): z.infer<typeof CustomerOut> => ({
  id: c.id,
  email: c.email,
  name: c.name,
  country: c.country,
  emailVerified: c.emailVerifiedAt !== null,
  createdAt: c.createdAt,
});
