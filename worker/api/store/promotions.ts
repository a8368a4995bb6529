/**
 * The automatic promotions open to every shopper, for the browser's offline cart totals (the same evaluatePromotions
 * the server runs). Promotions limited to listed customers are never sent: their lists name people.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { faultResponses, newApi } from '@worker/http/openapi';
import { publicAutomaticPromotions } from '@worker/services/promotions/automatic';

const PublicPromotions = z
  .object({
    promotions: z
      .array(z.record(z.string(), z.unknown()))
      .describe('Each a promotion as `PromotionInput` (domain/pricing/promotions/schema.ts) plus its id'),
  })
  .openapi('PublicPromotions');

export const storePromotions = newApi();

storePromotions.openapi(
  createRoute({
    method: 'get',
    path: '/promotions/automatic',
    tags: ['Promotions'],
    summary: 'Automatic promotions open to everyone (for offline cart totals)',
    responses: {
      200: {
        description: 'The active automatic promotions, without customer lists',
        content: { 'application/json': { schema: PublicPromotions } },
      },
      ...faultResponses(),
    },
  }),
  async (c) => {
    const promotions = await publicAutomaticPromotions(c.env, Date.now());
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ promotions }, 200);
  },
);
