/** What the warehouse screens show: queued actions applied on top of the server's order, and each order's badge. */
import { describe, expect, it } from 'vitest';
import type { WarehouseOrder } from './contract';
import type { WarehouseEntry } from './entries';
import {
  type DeviceOrder,
  keptAfterRefresh,
  SHIPPED_KEPT_MS,
  showOrders,
  unitsToPick,
  withAnswer,
} from './view';

const order: WarehouseOrder = {
  id: 'o1',
  number: 'NW-1',
  status: 'processing',
  version: 4,
  placedAt: 10,
  packedAt: null,
  packedBy: null,
  customerName: 'Ada',
  email: 'a@example.com',
  shipTo: {
    name: 'Ada',
    line1: '1 St',
    line2: null,
    city: 'X',
    region: null,
    postalCode: '1',
    country: 'US',
    phone: null,
  },
  shippingMethod: null,
  lines: [
    {
      lineId: 'l1',
      sku: 'A',
      name: 'A',
      variantLabel: null,
      quantity: 3,
      shipped: 0,
      picked: 0,
      binLocation: null,
      barcode: null,
    },
  ],
};
const device: DeviceOrder = { id: 'o1', placedAt: 10, order, savedAt: 0 };

function entry(
  kind: WarehouseEntry['kind'],
  body: unknown,
  extra: Partial<WarehouseEntry> = {},
): WarehouseEntry {
  return {
    kind,
    orderId: 'o1',
    orderNumber: 'NW-1',
    body,
    expectedVersion: 4,
    staffId: 's1',
    staffName: 'Sam',
    idempotencyKey: `k-${kind}`,
    createdAt: 99,
    attempts: 0,
    state: 'pending',
    ...extra,
  } as WarehouseEntry;
}

describe('showOrders', () => {
  it('shows queued picks, pack and ship at once, saved on this device (or syncing during a pass)', () => {
    const entries = [
      entry('pick', { lines: [{ lineId: 'l1', picked: 2 }] }),
      entry('pack', {}),
      entry('ship', { carrier: 'ups', trackingNumber: '1Z99' }),
    ];
    const [shown] = showOrders([device], entries, { syncing: false, staffId: 's1' });
    expect(shown?.badge).toBe('device');
    expect(shown?.order).toMatchObject({ status: 'shipped', packedAt: 99, packedBy: 'Sam' });
    expect(shown?.order.lines[0]?.picked).toBe(2);
    expect(unitsToPick(shown?.order as WarehouseOrder)).toBe(1);
    expect(showOrders([device], entries, { syncing: true, staffId: 's1' })[0]?.badge).toBe('syncing');
    expect(showOrders([device], [], { syncing: true, staffId: 's1' })[0]?.badge).toBe('synced');
  });

  it('marks a refused action as needing attention and does not show it as done', () => {
    const refused = entry('ship', { carrier: 'ups', trackingNumber: '1Z99' }, { state: 'attention' });
    const [shown] = showOrders([device], [refused], { syncing: false, staffId: 's1' });
    expect(shown?.badge).toBe('attention');
    expect(shown?.order.status).toBe('processing');
  });

  it('says whose sign-in another staff member’s queued actions wait for', () => {
    const theirs = entry('pack', {}, { staffId: 's2', staffName: 'Kim' });
    const [shown] = showOrders([device], [theirs], { syncing: true, staffId: 's1' });
    expect(shown).toMatchObject({ badge: 'device', waitingFor: 'Kim' });
  });
});

describe('keeping orders on the device', () => {
  it('keeps an order the queue dropped while actions wait, or for a while after this tablet shipped it', () => {
    const shipped = withAnswer(device, { order: null, summary: { status: 'shipped', version: 7 } }, 1_000);
    expect(shipped.order).toMatchObject({ status: 'shipped', version: 7 });
    expect(shipped.order.lines[0]?.shipped).toBe(3);
    expect(keptAfterRefresh(shipped, false, 1_000 + SHIPPED_KEPT_MS - 1)).toBe(true);
    expect(keptAfterRefresh(shipped, false, 1_000 + SHIPPED_KEPT_MS)).toBe(false);
    expect(keptAfterRefresh(device, true, 0)).toBe(true);
    expect(keptAfterRefresh(device, false, 0)).toBe(false);
  });
});
