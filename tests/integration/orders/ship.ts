/** Ships an order the only way there is: a parcel through the shipments API (there is no bare "mark as shipped"). */
import { expect } from 'vitest';

type Api = (path: string, init?: RequestInit) => Promise<Response>;

/** Puts every unit of `order` into one UPS parcel as the staff member signed in with `cookie`; expects 201. */
export async function shipWholeOrder(
  api: Api,
  cookie: string,
  order: { id: string; lines: readonly { id: string; quantity: number }[] },
): Promise<void> {
  const res = await api(`/api/admin/orders/${order.id}/shipments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      lines: order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}
