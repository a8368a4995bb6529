/** The order page's "Ship items" form: its fields as a shipment, and the action's work (the route only wires it). */
import type { RequestEventAction } from '@builder.io/qwik-city';
import { statusOfError } from '@domain/core/errors';
import { ShipmentInput } from '@domain/orders/shipments';
import { createShipment } from '@worker/services/orders/shipments';
import { ordersPageContext } from '~/lib/admin-orders';
import { staffWith } from '~/lib/admin-session';

/** The form as posted: a quantity per line (`qty.<lineId>`, blank or 0 = not in this parcel), carrier, number, key. */
export interface ShipItemsForm {
  qty?: Record<string, string>;
  carrier: string;
  trackingNumber: string;
  key: string;
}

/** The posted quantities as shipment lines; a quantity that is not a whole number is kept as NaN for zod to refuse. */
function linesOf(qty: Record<string, string> = {}) {
  return Object.entries(qty)
    .filter(([, v]) => v.trim() !== '' && v.trim() !== '0')
    .map(([orderLineId, v]) => ({ orderLineId, quantity: /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN }));
}

/** Ships what the form asks; on success redirects back with `?saved=shipped`, else a failure the form shows. */
export async function shipItems(input: ShipItemsForm, event: RequestEventAction<QwikCityPlatform>) {
  const actor = await staffWith(event, 'fulfilment:write');
  if (!actor) return event.fail(403, { message: 'Your roles do not allow shipping orders.' });
  const parsed = ShipmentInput.safeParse({
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    lines: linesOf(input.qty),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'lines')] ??= issue.message;
    // Each message stands beside its field (quantities under the table); the summary only points there.
    return event.fail(400, { message: 'Check the highlighted fields.', fieldErrors });
  }
  const key = /^[A-Za-z0-9_.:-]{16,128}$/.test(input.key) ? input.key : undefined;
  const r = await createShipment(ordersPageContext(event, actor), event.params.id ?? '', parsed.data, key);
  if (!r.ok) return event.fail(statusOfError(r.error.code), { message: r.error.detail });
  throw event.redirect(303, `${event.url.pathname}?saved=shipped`);
}
