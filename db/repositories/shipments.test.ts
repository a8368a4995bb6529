/**
 * The shipment batch on libSQL (the real engine, in memory): a partial then a full shipment ship the order; a
 * shipment asking for more than is left writes nothing at all (not its shipment, lines, timeline row, audit entry
 * or status); a repeated idempotency key writes nothing the second time.
 */
import type { Db } from '@db/client';
import { createLibsqlDb, migrateLibsqlDb } from '@db/client-node';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { findShippableLines, listShipments, type NewShipment, shipmentStatements } from './shipments';

let db: Db;
let n = 0;

beforeAll(async () => {
  db = createLibsqlDb(':memory:');
  await migrateLibsqlDb(db);
});

async function order(): Promise<string> {
  const id = `ord_test${++n}`;
  await db.run(sql`INSERT INTO orders (id, number, email, status, currency, subtotal_amount, total_amount,
    shipping_address, shipping_method, placed_at, updated_at)
    VALUES (${id}, ${String(5000 + n)}, 'a@example.com', 'processing', 'USD', 0, 0, '{}', 'standard', 1, 1)`);
  await db.run(sql`INSERT INTO order_lines (id, order_id, sku, product_name, quantity, unit_amount, line_total_amount)
    VALUES (${`${id}:a`}, ${id}, 'A', 'A', 2, 100, 200), (${`${id}:b`}, ${id}, 'B', 'B', 1, 100, 100)`);
  return id;
}

function shipment(orderId: string, lines: NewShipment['lines'], key: string | null = null): NewShipment {
  const id = `shp_${++n}`;
  return {
    id,
    orderId,
    carrier: 'ups',
    trackingNumber: '1Z0001',
    createdBy: 'stf_x',
    idempotencyKey: key,
    lines,
    eventId: `evt_${n}`,
    note: 'Shipped',
    audit: {
      id: `aud_${n}`,
      staffId: 'stf_x',
      staffEmail: 'x@example.com',
      action: 'order.ship',
      entityType: 'order',
      entityId: orderId,
      before: null,
      after: null,
      requestId: null,
      at: 1,
    },
    now: 2,
  };
}

async function state(orderId: string) {
  const [row] = (await db.all(sql`SELECT (SELECT status FROM orders WHERE id = ${orderId}) AS status,
    (SELECT count(*) FROM shipments WHERE order_id = ${orderId}) AS shipments,
    (SELECT count(*) FROM order_events WHERE order_id = ${orderId}) AS events,
    (SELECT count(*) FROM audit_log WHERE entity_id = ${orderId}) AS audits`)) as {
    status: string;
    shipments: number;
    events: number;
    audits: number;
  }[];
  return row!;
}

describe('shipmentStatements', () => {
  it('ships part, then the rest, and the order ships with its last unit', async () => {
    const id = await order();
    const [first] = await db.batch(
      shipmentStatements(db, shipment(id, [{ orderLineId: `${id}:a`, quantity: 1 }])),
    );
    expect(first).toHaveLength(1);
    expect(await state(id)).toEqual({ status: 'processing', shipments: 1, events: 1, audits: 1 });
    const rest = [
      { orderLineId: `${id}:a`, quantity: 1 },
      { orderLineId: `${id}:b`, quantity: 1 },
    ];
    await db.batch(shipmentStatements(db, shipment(id, rest)));
    expect(await state(id)).toEqual({ status: 'shipped', shipments: 2, events: 2, audits: 2 });
    expect((await findShippableLines(db, id)).map((l) => l.shipped)).toEqual([2, 1]);
    expect((await listShipments(db, id)).map((s) => s.lines.length)).toEqual([1, 2]);
  });

  it('writes nothing when any line asks for more than is left', async () => {
    const id = await order();
    const over = [
      { orderLineId: `${id}:b`, quantity: 1 },
      { orderLineId: `${id}:a`, quantity: 3 },
    ];
    const [inserted] = await db.batch(shipmentStatements(db, shipment(id, over)));
    expect(inserted).toHaveLength(0);
    expect(await state(id)).toEqual({ status: 'processing', shipments: 0, events: 0, audits: 0 });
    expect((await findShippableLines(db, id)).map((l) => l.shipped)).toEqual([0, 0]);
  });

  it('writes nothing for a key already used on the order', async () => {
    const id = await order();
    const line = [{ orderLineId: `${id}:a`, quantity: 1 }];
    await db.batch(shipmentStatements(db, shipment(id, line, 'key-0123456789abcdef')));
    const [again] = await db.batch(shipmentStatements(db, shipment(id, line, 'key-0123456789abcdef')));
    expect(again).toHaveLength(0);
    expect(await state(id)).toMatchObject({ shipments: 1, events: 1 });
  });
});
