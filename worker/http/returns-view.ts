/** A return as the customer and admin APIs answer it (one schema, so both describe it alike). */
import type { ReturnWithLines } from '@db/repositories/returns';
import { RETURN_REASONS, RETURN_STATUSES, returnReasonLabel } from '@domain/orders/returns';
import { z } from '@hono/zod-openapi';

export const ReturnOut = z
  .object({
    id: z.string(),
    number: z.string().openapi({ description: 'Short reference: the order number and `-R<n>`' }),
    status: z.enum(RETURN_STATUSES),
    reasonSummary: z.string(),
    customerNote: z.string().nullable(),
    decisionReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why it was rejected, or the note given when approving' }),
    requestedAt: z.number().int(),
    decidedAt: z.number().int().nullable(),
    receivedAt: z.number().int().nullable(),
    lines: z.array(
      z.object({
        orderLineId: z.string(),
        sku: z.string(),
        productName: z.string(),
        variantLabel: z.string(),
        quantity: z.number().int(),
        reason: z.string().openapi({ description: `One of ${RETURN_REASONS.join(', ')}` }),
        reasonLabel: z.string(),
        note: z.string().nullable(),
        restocked: z.number().int().nullable().openapi({ description: 'Set once received' }),
        damaged: z.number().int().nullable(),
        missing: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('Return');

/** Staff also see who moved it. */
export const StaffReturnOut = ReturnOut.extend({
  requestedBy: z.string().nullable().openapi({ description: "The customer's id; null for a guest" }),
  decidedBy: z.string().nullable(),
  receivedBy: z.string().nullable(),
}).openapi('StaffReturn');

/** The customer's view: no staff ids. */
export function returnView(r: ReturnWithLines): z.infer<typeof ReturnOut> {
  return {
    id: r.id,
    number: r.number,
    status: r.status as z.infer<typeof ReturnOut>['status'],
    reasonSummary: r.reasonSummary,
    customerNote: r.customerNote,
    decisionReason: r.decisionReason,
    requestedAt: r.requestedAt,
    decidedAt: r.decidedAt,
    receivedAt: r.receivedAt,
    lines: r.lines.map((l) => ({ ...l, reasonLabel: returnReasonLabel(l.reason) })),
  };
}

export function staffReturnView(r: ReturnWithLines): z.infer<typeof StaffReturnOut> {
  return { ...returnView(r), requestedBy: r.requestedBy, decidedBy: r.decidedBy, receivedBy: r.receivedBy };
}
