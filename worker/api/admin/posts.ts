/** Back office: blog posts (content:read to list and read, content:write to create, change and delete). */
import { findPost, listAllPosts } from '@db/repositories/posts';
import { POST_STATUSES, PostInput } from '@domain/content/post-input';
import { idSchema } from '@domain/core/id-schema';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '@worker/http/app-env';
import { faultResponses, jsonBody, jsonResponse, newApi, writeResponses } from '@worker/http/openapi';
import { ProblemError, problemResponses } from '@worker/http/problem';
import { requirePermission } from '@worker/middleware/staff-guard';
import { type ContentContext, createPost, deletePost, updatePost } from '@worker/services/content/posts';
import type { Context } from 'hono';
import { catalogFailure, noStore } from './catalog-context';

const PostSummaryOut = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    authorName: z.string(),
    status: z.enum(POST_STATUSES),
    publishedAt: z.number().int().nullable().describe('Epoch ms; in the future: scheduled'),
    updatedAt: z.number().int(),
  })
  .openapi('AdminPostSummary');

const PostOut = PostSummaryOut.extend({
  excerpt: z.string(),
  bodyMarkdown: z.string(),
  coverUrl: z.string().nullable(),
  coverAlt: z.string(),
  seoTitle: z.string(),
  seoDescription: z.string(),
  tags: z.array(z.string()),
  products: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
}).openapi('AdminPost');

const Body = PostInput.openapi('AdminPostInput');
const Params = z.object({ postId: idSchema('post') });
const write = { ...problemResponses(401, 403, 404), ...writeResponses() };

function contentContext(c: Context<AppEnv>): ContentContext {
  return { db: c.var.db, actor: c.var.staff!.principal, now: Date.now(), requestId: c.var.requestId };
}

export const adminPosts = newApi();

adminPosts
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/posts',
      tags: ['Admin'],
      summary: 'Every blog post, most recently changed first',
      middleware: [requirePermission('content:read')],
      responses: {
        200: jsonResponse('The posts', z.object({ items: z.array(PostSummaryOut) })),
        ...problemResponses(401, 403),
        ...faultResponses(),
      },
    }),
    async (c) => {
      noStore(c);
      return c.json({ items: await listAllPosts(c.var.db) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/admin/posts/{postId}',
      tags: ['Admin'],
      summary: 'One post with its tags and related products',
      middleware: [requirePermission('content:read')],
      request: { params: Params },
      responses: {
        200: jsonResponse('The post', PostOut),
        ...problemResponses(400, 401, 403, 404),
        ...faultResponses(),
      },
    }),
    async (c) => {
      const found = await findPost(c.var.db, c.req.valid('param').postId);
      if (!found) throw new ProblemError('NOT_FOUND', 'No post has this id.');
      noStore(c);
      return c.json(found, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/admin/posts',
      tags: ['Admin'],
      summary: 'Write a post (a published post with a future date is scheduled)',
      middleware: [requirePermission('content:write')],
      request: { body: jsonBody(Body) },
      responses: { 201: jsonResponse('Created', PostOut), ...write },
    }),
    async (c) => {
      const result = await createPost(contentContext(c), c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/admin/posts/{postId}',
      tags: ['Admin'],
      summary: 'Change a post (tags and related products are replaced)',
      middleware: [requirePermission('content:write')],
      request: { params: Params, body: jsonBody(Body) },
      responses: { 200: jsonResponse('Updated', PostOut), ...write },
    }),
    async (c) => {
      const result = await updatePost(contentContext(c), c.req.valid('param').postId, c.req.valid('json'));
      if (!result.ok) throw catalogFailure(result.error);
      return c.json(result.value, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/admin/posts/{postId}',
      tags: ['Admin'],
      summary: 'Delete a post',
      middleware: [requirePermission('content:write')],
      request: { params: Params },
      responses: { 204: { description: 'Deleted' }, ...write },
    }),
    async (c) => {
      const result = await deletePost(contentContext(c), c.req.valid('param').postId);
      if (!result.ok) throw catalogFailure(result.error);
      return c.body(null, 204);
    },
  );
