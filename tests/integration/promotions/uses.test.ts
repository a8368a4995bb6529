/** The promotion-use limits on D1 inside workerd (the libSQL run is db/repositories/promotion-uses.libsql.test.ts). */
import { env } from 'cloudflare:test';
import { createDb } from '@db/client';
import { registerPromotionUsesContract } from '@tests/support/promotion-uses-contract';

registerPromotionUsesContract('D1', async () => createDb({ DB: env.DB }));
