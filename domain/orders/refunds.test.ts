import { describe, expect, it } from 'vitest';
import { planRefund, RefundInput, refundEvent } from './refunds';

const lines = [
  { id: 'l1', sku: 'A', quantity: 3, lineTotalAmount: 3000, discountAmount: 300, taxAmount: 270 },
  { id: 'l2', sku: 'B', quantity: 1, lineTotalAmount: 500, discountAmount: 0, taxAmount: 50 },
];
const input = (v: unknown) => RefundInput.parse(v);

describe('planRefund', () => {
  it('refunds lines pro rata, with tax when prices excluded it, less fee and deduction', () => {
    const plan = planRefund(
      input({ lines: [{ lineId: 'l1', quantity: 2 }], restock: true, restockingFee: 100 }),
      lines,
      false,
      10_000,
    );
    expect(plan).toEqual({
      ok: true,
      value: { amount: Math.floor((2970 * 2) / 3) - 100, units: [{ lineId: 'l1', sku: 'A', quantity: 2 }] },
    });
  });
  it('refuses more than is refundable as a conflict, and more units than the line has', () => {
    const over = planRefund(input({ amount: 501, restock: false }), lines, false, 500);
    expect(over.ok ? null : over.error.code).toBe('CONFLICT');
    const units = planRefund(
      input({ lines: [{ lineId: 'l2', quantity: 2 }], restock: false }),
      lines,
      true,
      9e3,
    );
    expect(units.ok ? null : units.error.code).toBe('CONFLICT');
    const again = planRefund(
      input({ lines: [{ lineId: 'l1', quantity: 2 }], restock: false }),
      lines,
      true,
      9e3,
      {
        l1: 2,
      },
    );
    expect(again.ok ? null : again.error.meta).toMatchObject({ reason: 'over_refund_units', left: 1 });
  });
  it('refuses a refund the deductions eat up', () => {
    const none = planRefund(
      input({ amount: 100, restock: false, returnShippingDeduction: 100 }),
      lines,
      true,
      9e3,
    );
    expect(none.ok ? null : none.error.code).toBe('VALIDATION_FAILED');
  });
  it('asks for lines or an amount, and lines to restock', () => {
    expect(RefundInput.safeParse({ restock: false }).success).toBe(false);
    expect(RefundInput.safeParse({ amount: 5, restock: true }).success).toBe(false);
    expect(RefundInput.safeParse({ amount: 5, restock: false, extra: 1 }).success).toBe(false);
  });
  it('is a full refund once the refunded total reaches the captured one', () => {
    expect(refundEvent(1000, 999)).toBe('partial_refund');
    expect(refundEvent(1000, 1000)).toBe('refund');
  });
});

describe('parseMinorUnits', () => {
  it('reads plain amounts exactly and refuses the rest', async () => {
    const { parseMinorUnits } = await import('./refunds');
    expect(parseMinorUnits('12.5', 2)).toBe(1250);
    expect(parseMinorUnits('3', 2)).toBe(300);
    expect(parseMinorUnits('100', 0)).toBe(100);
    expect(parseMinorUnits('1.234', 2)).toBeNull();
    expect(parseMinorUnits('-1', 2)).toBeNull();
    expect(parseMinorUnits('1e3', 2)).toBeNull();
  });
});
