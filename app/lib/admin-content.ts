/** The content use cases' context for back-office pages (the same services the admin API calls). */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import type { ContentContext } from '@worker/services/content/context';
import type { StaffPrincipal } from '@worker/services/identity/sessions';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request'>;

export function contentPageContext(event: Event, actor: StaffPrincipal): ContentContext {
  return {
    db: createDb(event.platform.env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
  };
}

/** Shown when an action needs content:write and the staff member lacks it. */
export const CONTENT_NOT_ALLOWED = 'Your roles do not allow changing content.';
