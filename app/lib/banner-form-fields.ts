/** The banner editor's fields as its actions accept them (qwik-city's zod$; app/lib/banner-form.ts checks them). */
import { z } from '@builder.io/qwik-city';

/** The fields as the form posts them (every value a string; a checkbox is present or absent). */
export const BannerFormFields = {
  placement: z.string().max(20),
  categoryId: z.string().max(64).optional(),
  audience: z.string().max(20),
  title: z.string().max(500),
  body: z.string().max(2000).optional(),
  linkUrl: z.string().max(600).optional(),
  imageUrl: z.string().max(600).optional(),
  imageAlt: z.string().max(600).optional(),
  startsAt: z.string().max(30).optional(),
  endsAt: z.string().max(30).optional(),
  priority: z.string().max(10).optional(),
  active: z.string().max(3).optional(),
};
