import { newId } from '@domain/core/ids';
import { describe, expect, it } from 'vitest';
import { admitEvents, orderPlacedEventId, TrafficEventSchema } from './traffic-event';

const ev = (id: string, visitor: string, day = '2026-03-01') => ({ id, visitor, day });

describe('admitting traffic events', () => {
  it('skips events already stored and repeated ids within the batch', () => {
    const { admitted } = admitEvents([ev('a', 'v'), ev('b', 'v'), ev('b', 'v')], new Set(['a']), new Map());
    expect(admitted.map((e) => e.id)).toEqual(['b']);
  });

  it("stops counting a visitor at the day's allowance, counting what was stored earlier", () => {
    const events = Array.from({ length: 10 }, (_, i) => ev(`e${i}`, 'flood'));
    const { admitted, counts } = admitEvents(
      [...events, ev('x', 'other')],
      new Set(),
      new Map([['2026-03-01|flood', 3]]),
      5,
    );
    expect(admitted.map((e) => e.id)).toEqual(['e0', 'e1', 'x']);
    expect(counts.get('2026-03-01|flood')).toBe(5);
    expect(counts.get('2026-03-01|other')).toBe(1);
  });

  it('gives each day its own allowance', () => {
    const { admitted } = admitEvents(
      [ev('a', 'v', '2026-03-01'), ev('b', 'v', '2026-03-02')],
      new Set(),
      new Map(),
      1,
    );
    expect(admitted).toHaveLength(2);
  });
});

describe('orderPlacedEventId', () => {
  it('is one valid event id per checkout, so telling the shopper twice counts the order once', () => {
    const checkout = newId('checkout');
    const id = orderPlacedEventId(checkout);
    expect(id).toBe(orderPlacedEventId(checkout));
    expect(id).not.toBe(orderPlacedEventId(newId('checkout')));
    expect(TrafficEventSchema.shape.id.safeParse(id).success).toBe(true);
  });
});
