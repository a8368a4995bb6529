/** The promotions use cases' context for back-office pages (the same services the admin API calls). */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import type { PromotionsContext } from '@worker/services/promotions/admin';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

export function promotionsPageContext(event: Event, actor: StaffPrincipal): PromotionsContext {
  return {
    db: createDb(event.platform.env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
}

/** Shown when an action needs promotions:write and the staff member lacks it. */
export const PROMOTIONS_NOT_ALLOWED = 'Your roles do not allow changing promotions.';
