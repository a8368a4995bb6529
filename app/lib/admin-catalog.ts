/** The catalog use cases' context for back-office pages (the same services the admin API calls). */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { CatalogContext } from '@worker/services/catalog/context';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

export function catalogPageContext(event: Event, actor: StaffPrincipal): CatalogContext {
  const env = event.platform.env;
  return {
    db: createDb(env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
    currency: env.SHOP_CURRENCY,
    media: env.MEDIA,
  };
}

/** How a product status is named and badged in the back office. */
export const STATUS_LABELS = { draft: 'Draft', active: 'Active', archived: 'Archived' } as const;
export const STATUS_BADGES = {
  draft: 'adm-badge-muted',
  active: 'adm-badge-ok',
  archived: 'adm-badge-muted',
} as const;
