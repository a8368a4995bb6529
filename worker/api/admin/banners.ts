/** Back office: promotional banners (content:read to list, content:write to change). */
import { type BannerRow, findBanner, listAllBanners } from '@db/repositories/banners';
import { BANNER_AUDIENCES, BANNER_PLACEMENTS, BannerInput, bannerState } from '@domain/content/banners';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { createBanner, deleteBanner, updateBanner } from '@worker/services/content/banners';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const BannerOut = z
  .object({
    id: z.string(),
    placement: z.enum(BANNER_PLACEMENTS),
    categoryId: z.string().nullable(),
    audience: z.enum(BANNER_AUDIENCES),
    title: z.string(),
    body: z.string(),
    linkUrl: z.string().nullable(),
    imageUrl: z.string().nullable(),
    imageAlt: z.string(),
    startsAt: z.number().int().nullable(),
    endsAt: z.number().int().nullable(),
    priority: z.number().int(),
    active: z.boolean(),
    state: z.enum(['live', 'scheduled', 'ended', 'off']),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .openapi('AdminBanner');
const Body = BannerInput.openapi('AdminBannerInput');
const Params = z.object({ bannerId: idSchema('banner') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

/** A stored banner with where it stands now (the stored placement is always one of ours: the API writes it). */
const out = (b: BannerRow, now: number) =>
  ({ ...b, state: bannerState(b, now) }) as z.infer<typeof BannerOut>;

export const adminBanners = newApi();

adminBanners
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/banners',
      tags: ['Admin'],
      summary: 'Every banner with its state now (live, scheduled, ended, off)',
      middleware: [requirePermission('content:read')],
      responses: {
        200: jsonResponse('The banners', z.object({ items: z.array(BannerOut) })),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      const now = Date.now();
      return c.json({ items: (await listAllBanners(c.var.db)).map((b) => out(b, now)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/banners/{bannerId}',
      tags: ['Admin'],
      summary: 'One banner',
      middleware: [requirePermission('content:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The banner', BannerOut),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const found = await findBanner(c.var.db, c.req.valid('param').bannerId);
      if (!found) throw new ProblemError('NOT_FOUND', 'No banner has this id.');
      noStore(c);
      return c.json(out(found, Date.now()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/banners',
      tags: ['Admin'],
      summary: 'Create a banner',
      middleware: [requirePermission('content:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', BannerOut), ...write },
    }),
    async (c) => {
      const ctx = catalogContext(c);
      const result = await createBanner(ctx, c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(out(result.value, ctx.now), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/banners/{bannerId}',
      tags: ['Admin'],
      summary: 'Change a banner',
      middleware: [requirePermission('content:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Updated', BannerOut), ...write },
    }),
    async (c) => {
      const ctx = catalogContext(c);
      const result = await updateBanner(ctx, c.req.valid('param').bannerId, c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(out(result.value, ctx.now), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/banners/{bannerId}',
      tags: ['Admin'],
      summary: 'Delete a banner',
      middleware: [requirePermission('content:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deleteBanner(catalogContext(c), c.req.valid('param').bannerId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
