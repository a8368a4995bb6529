/** A manual stock change by staff: add or remove units (`delta`), or set the counted total (`setTo`), with a reason. */
import { z } from 'zod';
import { MANUAL_REASONS } from './movements';

/** Largest single change or count: the StockDO's own bound (MAX_STOCK_QUANTITY). */
export const MAX_ADJUSTMENT = 1_000_000;

export const StockAdjustmentInput = z
  .object({
    delta: z
      .number()
      .int()
      .min(-MAX_ADJUSTMENT)
      .max(MAX_ADJUSTMENT)
      .refine((d) => d !== 0, 'Change by at least one unit.')
      .optional(),
    setTo: z.number().int().min(0).max(MAX_ADJUSTMENT).optional(),
    reason: z.enum(MANUAL_REASONS),
    note: z.string().trim().max(500).default(''),
  })
  .strict()
  .refine((a) => (a.delta === undefined) !== (a.setTo === undefined), {
    message: 'Give either delta or setTo, not both.',
    path: ['delta'],
  });
export type StockAdjustmentInput = z.infer<typeof StockAdjustmentInput>;
