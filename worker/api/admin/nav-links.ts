/** Back office: the shop's header and footer menus (content:read to list, content:write to change and move). */
import { listNavLinks } from '@db/repositories/nav-links';
import { NAV_MENUS, NavLinkInput } from '@domain/content/nav-links';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { createNavLink, deleteNavLink, moveNavLink, updateNavLink } from '@worker/services/content/nav-links';
import { catalogContext, catalogFailure, noStore } from './catalog-context';

const NavLinkOut = z
  .object({
    id: z.string(),
    menu: z.enum(NAV_MENUS),
    label: z.string(),
    href: z.string(),
    position: z.number().int(),
  })
  .openapi('AdminNavLink');
const Body = NavLinkInput.openapi('AdminNavLinkInput');
const Params = z.object({ linkId: idSchema('navLink') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

export const adminNavLinks = newApi();

adminNavLinks
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/nav-links',
      tags: ['Admin'],
      summary: 'Both menus’ links, each menu in order',
      middleware: [requirePermission('content:read')],
      responses: {
        200: jsonResponse('The links', z.object({ items: z.array(NavLinkOut) })),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      return c.json({ items: await listNavLinks(c.var.db) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/nav-links',
      tags: ['Admin'],
      summary: 'Add a link at the end of a menu',
      middleware: [requirePermission('content:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', NavLinkOut), ...write },
    }),
    async (c) => {
      const result = await createNavLink(catalogContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/nav-links/{linkId}',
      tags: ['Admin'],
      summary: 'Change a link (a new menu puts it at that menu’s end)',
      middleware: [requirePermission('content:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Updated', NavLinkOut), ...write },
    }),
    async (c) => {
      const result = await updateNavLink(catalogContext(c), c.req.valid('param').linkId, c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/nav-links/{linkId}/move',
      tags: ['Admin'],
      summary: 'Move a link one place up or down its menu',
      middleware: [requirePermission('content:write')],
      request: {
        params: Params,
        body: jsonBody(z.object({ direction: z.enum(['up', 'down']) }).strict()),
      },
      responses: { 204: { description: 'Moved' }, ...write },
    }),
    async (c) => {
      const result = await moveNavLink(
        catalogContext(c),
        c.req.valid('param').linkId,
        c.req.valid('json').direction,
      );
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/nav-links/{linkId}',
      tags: ['Admin'],
      summary: 'Remove a link',
      middleware: [requirePermission('content:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deleteNavLink(catalogContext(c), c.req.valid('param').linkId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
