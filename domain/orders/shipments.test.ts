import { describe, expect, it } from 'vitest';
import {
  decideShipment,
  ShipmentInput,
  shippingProgress,
  statusAfterShipment,
  trackingUrl,
} from './shipments';

const lines = [
  { id: 'a', quantity: 2, shipped: 0 },
  { id: 'b', quantity: 1, shipped: 0 },
];

describe('tracking links', () => {
  it('fills the carrier template with the URL-encoded number', () => {
    expect(trackingUrl('ups', '1Z 999/AA1')).toBe('https://www.ups.com/track?tracknum=1Z%20999%2FAA1');
    expect(trackingUrl('royal_mail', 'AB123456789GB')).toContain('AB123456789GB');
  });
  it('has no link for other carriers, unknown carriers or no number', () => {
    expect(trackingUrl('other', 'X1234')).toBeNull();
    expect(trackingUrl('pigeon', 'X1234')).toBeNull();
    expect(trackingUrl('ups', null)).toBeNull();
  });
});

describe('ShipmentInput', () => {
  const base = { carrier: 'ups', lines: [{ orderLineId: 'a', quantity: 1 }] };
  it('trims the tracking number and accepts grouped numbers', () => {
    const parsed = ShipmentInput.parse({ ...base, trackingNumber: '  1Z 999 AA1-01  ' });
    expect(parsed.trackingNumber).toBe('1Z 999 AA1-01');
  });
  it.each([
    ['abc', 'too short'],
    ['x'.repeat(41), 'too long'],
    ['1Z<script>', 'odd characters'],
  ])('refuses %s (%s)', (trackingNumber) => {
    expect(ShipmentInput.safeParse({ ...base, trackingNumber }).success).toBe(false);
  });
  it('needs a number except for other carriers', () => {
    expect(ShipmentInput.safeParse(base).success).toBe(false);
    expect(ShipmentInput.safeParse({ ...base, carrier: 'other', trackingNumber: '' }).success).toBe(true);
  });
  it('refuses no lines, zero units, a line twice and unknown fields', () => {
    const t = { carrier: 'dhl', trackingNumber: 'JD0123' };
    expect(ShipmentInput.safeParse({ ...t, lines: [] }).success).toBe(false);
    expect(ShipmentInput.safeParse({ ...t, lines: [{ orderLineId: 'a', quantity: 0 }] }).success).toBe(false);
    const twice = [
      { orderLineId: 'a', quantity: 1 },
      { orderLineId: 'a', quantity: 1 },
    ];
    expect(ShipmentInput.safeParse({ ...t, lines: twice }).success).toBe(false);
    expect(ShipmentInput.safeParse({ ...t, lines: [{ orderLineId: 'a', quantity: 1 }], x: 1 }).success).toBe(
      false,
    );
  });
});

describe('decideShipment', () => {
  it('keeps a partly shipped order processing, and ships it with the last unit', () => {
    const first = decideShipment('processing', lines, { lines: [{ orderLineId: 'a', quantity: 2 }] });
    expect(first).toEqual({ ok: true, value: { status: 'processing', allShipped: false } });
    const rest = decideShipment(
      'processing',
      [
        { id: 'a', quantity: 2, shipped: 2 },
        { id: 'b', quantity: 1, shipped: 0 },
      ],
      { lines: [{ orderLineId: 'b', quantity: 1 }] },
    );
    expect(rest).toEqual({ ok: true, value: { status: 'shipped', allShipped: true } });
  });
  it('takes a pending order through processing', () => {
    expect(statusAfterShipment('pending', false)).toEqual({ ok: true, value: 'processing' });
    expect(statusAfterShipment('pending', true)).toEqual({ ok: true, value: 'shipped' });
  });
  it('refuses more than is left, an unknown line, and a shipped or cancelled order', () => {
    const over = decideShipment('processing', [{ id: 'a', quantity: 2, shipped: 1 }], {
      lines: [{ orderLineId: 'a', quantity: 2 }],
    });
    expect(over.ok || over.error).toMatchObject({
      code: 'CONFLICT',
      meta: { reason: 'over_shipped', lines: [{ orderLineId: 'a', requested: 2, remaining: 1 }] },
    });
    const unknown = decideShipment('processing', lines, { lines: [{ orderLineId: 'z', quantity: 1 }] });
    expect(unknown.ok || unknown.error.code).toBe('VALIDATION_FAILED');
    for (const status of ['shipped', 'cancelled'] as const)
      expect(decideShipment(status, lines, { lines: [{ orderLineId: 'a', quantity: 1 }] }).ok).toBe(false);
  });
  it('derives the progress from the lines', () => {
    expect(shippingProgress(lines)).toBe('unshipped');
    expect(shippingProgress([{ id: 'a', quantity: 2, shipped: 1 }])).toBe('partially_shipped');
    expect(shippingProgress([{ id: 'a', quantity: 2, shipped: 2 }])).toBe('shipped');
  });
});
