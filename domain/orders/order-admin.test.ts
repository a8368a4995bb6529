import { describe, expect, it } from 'vitest';
import {
  canEditShippingAddress,
  encodeOrderCursor,
  fulfilmentOf,
  orderListParams,
  parseOrderListParams,
  StaffNoteInput,
  StatusChangeInput,
  statusLabel,
  toOrderListFilter,
} from './order-admin';

const parse = (qs: string) => parseOrderListParams(new URLSearchParams(qs));

describe('the order list filter', () => {
  it('reads every filter from the URL and turns dates into a half-open UTC range', () => {
    const r = parse('status=pending&payment=captured&from=2026-12-01&to=2026-12-02&q=%20ada%20');
    expect(r.success).toBe(true);
    const f = toOrderListFilter(r.data!);
    expect(f).toEqual({
      statuses: ['pending'],
      payment: 'captured',
      placedFrom: Date.UTC(2026, 11, 1),
      placedBefore: Date.UTC(2026, 11, 3),
      q: 'ada',
      after: undefined,
      limit: 50,
    });
  });

  it('treats empty fields as no filter, as a submitted GET form sends them', () => {
    const r = parse('status=&payment=&fulfilment=&from=&to=&q=&after=');
    expect(r.success).toBe(true);
    expect(toOrderListFilter(r.data!)).toMatchObject({ statuses: undefined, q: undefined, after: undefined });
  });

  it('refuses unknown keys, unknown statuses, impossible dates and a range that ends before it starts', () => {
    expect(parse('stauts=pending').success).toBe(false);
    expect(parse('status=lost').success).toBe(false);
    expect(parse('from=2026-02-31').success).toBe(false);
    expect(parse('from=yesterday').success).toBe(false);
    const backwards = parse('from=2026-12-02&to=2026-12-01');
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'The end date is before the start date.',
    });
    expect(parse(`q=${'x'.repeat(101)}`).success).toBe(false);
    expect(parse('after=garbage').success).toBe(false);
  });

  it('maps fulfilment to statuses, and to none when it contradicts the status', () => {
    expect(toOrderListFilter(parse('fulfilment=unfulfilled').data!).statuses).toEqual([
      'pending',
      'processing',
    ]);
    expect(toOrderListFilter(parse('fulfilment=unfulfilled&status=processing').data!).statuses).toEqual([
      'processing',
    ]);
    expect(toOrderListFilter(parse('fulfilment=shipped&status=pending').data!).statuses).toEqual([]);
    expect(fulfilmentOf('returned')).toBe('delivered');
    expect(fulfilmentOf('refunded')).toBeNull();
  });

  it('round-trips the cursor and keeps it out of the links that start a new list', () => {
    const cursor = encodeOrderCursor({ placedAt: 1_764_700_000_000, id: 'ord_01ABC' });
    const q = parse(`after=${cursor}&status=shipped`).data!;
    expect(toOrderListFilter(q).after).toEqual({ placedAt: 1_764_700_000_000, id: 'ord_01ABC' });
    expect(orderListParams(q)).toEqual({ status: 'shipped' });
  });
});

describe('staff inputs', () => {
  it('accepts a trimmed note and refuses an empty or oversized one or extra fields', () => {
    expect(StaffNoteInput.parse({ note: '  called the customer ' })).toEqual({ note: 'called the customer' });
    expect(StaffNoteInput.safeParse({ note: '   ' }).success).toBe(false);
    expect(StaffNoteInput.safeParse({ note: 'x'.repeat(2001) }).success).toBe(false);
    expect(StaffNoteInput.safeParse({ note: 'ok', actor: 'someone' }).success).toBe(false);
  });

  it('allows the manual events only: shipping and cancelling have their own flows', () => {
    expect(StatusChangeInput.safeParse({ event: 'start_processing' }).success).toBe(true);
    for (const event of ['cancel', 'ship']) {
      const refused = StatusChangeInput.safeParse({ event });
      expect(refused.success).toBe(false);
      expect(refused.error?.issues[0]?.message).toContain("Ship through the order's shipments");
    }
    expect(StatusChangeInput.safeParse({ event: 'refund' }).success).toBe(false);
  });

  it('lets the shipping address change only before the order ships', () => {
    expect(canEditShippingAddress('pending')).toBe(true);
    expect(canEditShippingAddress('processing')).toBe(true);
    expect(canEditShippingAddress('shipped')).toBe(false);
    expect(canEditShippingAddress('cancelled')).toBe(false);
  });

  it('labels statuses for people', () => {
    expect(statusLabel('partially_refunded')).toBe('Partially refunded');
  });
});
