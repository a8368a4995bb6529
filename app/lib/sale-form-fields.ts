/** The sale editor's fields as its actions accept them (qwik-city's zod$; app/lib/sale-form.ts checks them). */
import { z } from '@builder.io/qwik-city';

/** The fields as the form posts them: strings, the category boxes as `categoryIds[]`. */
export const SaleFormFields = {
  name: z.string().max(500),
  percent: z.string().max(20),
  productIds: z.string().max(20_000).optional(),
  categoryIds: z.array(z.string().max(64)).max(500).optional(),
  startsAt: z.string().max(30).optional(),
  endsAt: z.string().max(30).optional(),
  active: z.string().max(3).optional(),
};
