import { describe, expect, it } from 'vitest';
import {
  checkReturnWindow,
  decideReceipt,
  decideReturnRequest,
  ReceiveReturnInput,
  ReturnRequestInput,
  returnableUnits,
  transitionReturn,
} from './returns';

const DAY = 86_400_000;

describe('ReturnRequestInput', () => {
  const line = { orderLineId: 'a', quantity: 1, reason: 'too_small' };
  it('accepts a line with a reason and trims notes', () => {
    const parsed = ReturnRequestInput.parse({ lines: [{ ...line, note: '  tight  ' }] });
    expect(parsed.lines[0]?.note).toBe('tight');
  });
  it('needs a note for "other"', () => {
    expect(ReturnRequestInput.safeParse({ lines: [{ ...line, reason: 'other' }] }).success).toBe(false);
    expect(ReturnRequestInput.safeParse({ lines: [{ ...line, reason: 'other', note: '   ' }] }).success).toBe(
      false,
    );
    expect(
      ReturnRequestInput.safeParse({ lines: [{ ...line, reason: 'other', note: 'gift' }] }).success,
    ).toBe(true);
  });
  it('refuses unknown fields, unknown reasons, zero, negative, fractional and huge quantities, and repeats', () => {
    for (const bad of [
      { lines: [line], extra: 1 },
      { lines: [{ ...line, price: 0 }] },
      { lines: [{ ...line, reason: 'bored' }] },
      { lines: [{ ...line, quantity: 0 }] },
      { lines: [{ ...line, quantity: -1 }] },
      { lines: [{ ...line, quantity: 1.5 }] },
      { lines: [{ ...line, quantity: 1e9 }] },
      { lines: [line, line] },
      { lines: [] },
    ])
      expect(ReturnRequestInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('the return window', () => {
  const now = 1_000 * DAY;
  it('counts from delivery, else from the last shipment', () => {
    expect(checkReturnWindow({ deliveredAt: now - 30 * DAY, lastShippedAt: null }, 30, now).ok).toBe(true);
    expect(checkReturnWindow({ deliveredAt: now - 31 * DAY, lastShippedAt: now }, 30, now)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', meta: { reason: 'outside_window' } },
    });
    expect(checkReturnWindow({ deliveredAt: null, lastShippedAt: now - 10 * DAY }, 14, now).ok).toBe(true);
    expect(checkReturnWindow({ deliveredAt: null, lastShippedAt: now - 15 * DAY }, 14, now).ok).toBe(false);
  });
  it('has no window before anything shipped, and none at 0 days after the day itself', () => {
    expect(checkReturnWindow({ deliveredAt: null, lastShippedAt: null }, 30, now)).toMatchObject({
      ok: false,
      error: { meta: { reason: 'not_shipped' } },
    });
    expect(checkReturnWindow({ deliveredAt: now - 1, lastShippedAt: null }, 0, now).ok).toBe(false);
  });
});

describe('returnable units', () => {
  const lines = [
    { id: 'a', sku: 'A', shipped: 3, inReturns: 1, refundedRestocked: 1 },
    { id: 'b', sku: 'B', shipped: 0, inReturns: 0, refundedRestocked: 0 },
  ];
  it('is shipped minus what is in returns minus what was refunded with restocking, never below 0', () => {
    expect(returnableUnits(lines[0]!)).toBe(1);
    expect(returnableUnits({ ...lines[0]!, inReturns: 5 })).toBe(0);
  });
  it('refuses more than that, and lines of other orders', () => {
    const asked = (orderLineId: string, quantity: number) => ({
      lines: [{ orderLineId, quantity, reason: 'too_small' as const }],
    });
    expect(decideReturnRequest(lines, asked('a', 1))).toEqual({
      ok: true,
      value: { lines: [{ orderLineId: 'a', sku: 'A', quantity: 1 }] },
    });
    expect(decideReturnRequest(lines, asked('a', 2))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', meta: { reason: 'over_returned', lines: [{ returnable: 1 }] } },
    });
    expect(decideReturnRequest(lines, asked('b', 1))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(decideReturnRequest(lines, asked('zzz', 1))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});

describe('the return state machine', () => {
  it('approves or rejects a request, and receives only an approved return', () => {
    expect(transitionReturn('requested', 'approve')).toEqual({ ok: true, value: 'approved' });
    expect(transitionReturn('requested', 'reject')).toEqual({ ok: true, value: 'rejected' });
    expect(transitionReturn('approved', 'receive')).toEqual({ ok: true, value: 'received' });
    for (const [from, event] of [
      ['requested', 'receive'],
      ['rejected', 'receive'],
      ['received', 'receive'],
      ['approved', 'reject'],
      ['rejected', 'approve'],
    ] as const)
      expect(transitionReturn(from, event)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', meta: { reason: 'invalid_transition' } },
      });
  });
});

describe('receiving', () => {
  const returned = [
    { orderLineId: 'a', quantity: 2 },
    { orderLineId: 'b', quantity: 1 },
  ];
  const receipt = (a: [number, number, number], b: [number, number, number] = [1, 0, 0]) =>
    ReceiveReturnInput.parse({
      lines: [
        { orderLineId: 'a', restocked: a[0], damaged: a[1], missing: a[2] },
        { orderLineId: 'b', restocked: b[0], damaged: b[1], missing: b[2] },
      ],
    });
  it('records restocked, damaged and missing up to the units returned', () => {
    expect(decideReceipt(returned, receipt([1, 1, 0])).ok).toBe(true);
    expect(decideReceipt(returned, receipt([0, 0, 0])).ok).toBe(true);
    expect(decideReceipt(returned, receipt([1, 1, 1]))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
  it('needs every line of the return, once', () => {
    const one = ReceiveReturnInput.parse({
      lines: [{ orderLineId: 'a', restocked: 1, damaged: 0, missing: 0 }],
    });
    expect(decideReceipt(returned, one).ok).toBe(false);
    expect(
      ReceiveReturnInput.safeParse({ lines: [{ orderLineId: 'a', restocked: -1, damaged: 0, missing: 0 }] })
        .success,
    ).toBe(false);
  });
});
