/** The warehouse API's response shapes, for the OpenAPI document (the contract: docs/architecture.md, Warehouse API). */
import { CARRIERS } from '@domain/orders/shipments';
import { z } from '@hono/zod-openapi';

export const WarehouseOrderOut = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(['pending', 'processing']),
    version: z.number().int().openapi({ description: 'Changes with every change to the order (not notes)' }),
    placedAt: z.number().int(),
    packedAt: z.number().int().nullable(),
    packedBy: z.string().nullable().openapi({ description: "The packer's name" }),
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
    lines: z.array(
      z.object({
        lineId: z.string(),
        sku: z.string(),
        name: z.string(),
        variantLabel: z.string().nullable(),
        quantity: z.number().int(),
        shipped: z.number().int(),
        picked: z.number().int(),
        binLocation: z.string().nullable(),
        barcode: z.string().nullable(),
      }),
    ),
  })
  .openapi('WarehouseOrder');

export const OrderSummaryOut = z
  .object({ id: z.string(), number: z.string(), status: z.string(), version: z.number().int() })
  .openapi('WarehouseOrderSummary');

export const QueueOut = z.object({
  staff: z.object({ id: z.string(), name: z.string() }),
  generatedAt: z.number().int(),
  orders: z.array(WarehouseOrderOut),
  next: z
    .string()
    .nullable()
    .openapi({ description: 'Pass as `after` for the next page; null on the last page' }),
});

export const ShippedOut = z.object({
  shipment: z.object({
    id: z.string(),
    carrier: z.string().openapi({ description: `One of ${CARRIERS.join(', ')}` }),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
  }),
  order: OrderSummaryOut,
});

export const NoteOut = z.object({ id: z.string(), note: z.string(), createdAt: z.number().int() });
