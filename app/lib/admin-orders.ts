/** The order pages' helpers: the staff service context for an action, and how timeline rows and actors read. */
import type { RequestEventBase } from '@builder.io/qwik-city';
import { createDb } from '@db/client';
import { statusLabel } from '@domain/orders/order-admin';
import type { StaffPrincipal } from '@worker/services/identity/sessions';
import type { OrdersContext } from '@worker/services/orders/context';
import { publicOrigin } from '@worker/services/shop/settings';

type Event = Pick<RequestEventBase<QwikCityPlatform>, 'platform' | 'request' | 'url'>;

/** The orders services' context for a page action, as the API builds it (worker/api/admin/orders.ts). */
export function ordersPageContext(event: Event, actor: StaffPrincipal): OrdersContext {
  const env = event.platform.env;
  return {
    env,
    db: createDb(env),
    actor,
    now: Date.now(),
    requestId: event.request.headers.get('X-Request-Id') ?? undefined,
    origin: publicOrigin(env, event.url.href),
  };
}

/** A timeline row as the page shows it. */
export interface TimelineEvent {
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorName: string | null;
  note: string | null;
}

/** Who acted: the staff member's name, "Customer", "System", or the id of a staff member since removed. */
export function actorLabel(e: Pick<TimelineEvent, 'actor' | 'actorName'>): string {
  if (e.actorName) return e.actorName;
  if (e.actor === 'customer') return 'Customer';
  if (e.actor === 'system') return 'System';
  return `Staff member ${e.actor}`;
}

/** What happened: "Order placed", "Status: Pending → Processing", or "Note" for a row that kept the status. */
export function eventTitle(e: Pick<TimelineEvent, 'fromStatus' | 'toStatus'>): string {
  if (e.fromStatus === null) return 'Order placed';
  if (e.fromStatus !== e.toStatus) return `${statusLabel(e.fromStatus)} → ${statusLabel(e.toStatus)}`;
  return 'Note';
}
