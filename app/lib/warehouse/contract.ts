/**
 * The warehouse API as the tablet reads it (docs: /api/warehouse, see docs/architecture.md "Warehouse app"): response
 * schemas checked before anything is stored on the device. Not strict: the server may add fields.
 */
import { z } from 'zod';

/** One order line in the queue. */
export const WarehouseLineSchema = z.object({
  lineId: z.string(),
  sku: z.string(),
  name: z.string(),
  variantLabel: z.string().nullable(),
  quantity: z.number().int(),
  shipped: z.number().int(),
  picked: z.number().int(),
  binLocation: z.string().nullable(),
  barcode: z.string().nullable(),
});

/** An order ready to fulfil, as GET /api/warehouse/queue and the pick and pack writes return it. */
export const WarehouseOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  version: z.number().int(),
  placedAt: z.number(),
  packedAt: z.number().nullable(),
  packedBy: z.string().nullable(),
  customerName: z.string(),
  email: z.string(),
  shipTo: z.object({
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string().nullable(),
  }),
  shippingMethod: z.string().nullable(),
  lines: z.array(WarehouseLineSchema),
});

/** A queue order. */
export type WarehouseOrder = z.infer<typeof WarehouseOrderSchema>;
/** A queue order's line. */
export type WarehouseLine = z.infer<typeof WarehouseLineSchema>;

/** GET /api/warehouse/queue. */
export const WarehouseQueueSchema = z.object({
  staff: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.number(),
  orders: z.array(WarehouseOrderSchema),
  /** The cursor of the next page (`?after=`), or null on the last one. */
  next: z.string().nullable().optional(),
});

/** The queue response. */
export type WarehouseQueue = z.infer<typeof WarehouseQueueSchema>;

/** The short form of an order a ship answer or a conflict may carry. */
export const OrderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  version: z.number().int(),
});

/** POST …/ship's answer. */
export const ShipAnswerSchema = z.object({
  shipment: z.object({ id: z.string(), carrier: z.string(), trackingNumber: z.string().nullable() }),
  order: OrderSummarySchema,
});

/** The server's side of a conflict: the order now, in full or in short. */
export type ServerSide = WarehouseOrder | z.infer<typeof OrderSummarySchema>;
