/** The cart-write rule every device and the server agree on: additive adds, absolute sets, idempotent removes. */
import { describe, expect, it } from 'vitest';
import { applyCartIntent, applyCartIntents } from './cart-intents';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './limits';

const A = 'TSH-A';
const B = 'TSH-B';

describe('applyCartIntent', () => {
  it('adds to an existing line, sets a line absolutely, removes idempotently', () => {
    const lines = [{ sku: A, quantity: 2 }];
    expect(applyCartIntent(lines, { type: 'add', sku: A, quantity: 3 })).toEqual({
      ok: true,
      value: [{ sku: A, quantity: 5 }],
    });
    expect(applyCartIntent(lines, { type: 'set', sku: A, quantity: 7 })).toMatchObject({
      value: [{ sku: A, quantity: 7 }],
    });
    expect(applyCartIntent(lines, { type: 'remove', sku: A })).toMatchObject({ value: [] });
    expect(applyCartIntent([], { type: 'remove', sku: A })).toMatchObject({ ok: true, value: [] });
    expect(applyCartIntent(lines, { type: 'set', sku: A, quantity: 0 })).toMatchObject({ value: [] });
  });

  it('appends new lines and keeps the order of the others', () => {
    const lines = [
      { sku: A, quantity: 1 },
      { sku: B, quantity: 1 },
    ];
    const result = applyCartIntent(lines, { type: 'set', sku: A, quantity: 4 });
    expect(result).toMatchObject({ value: [{ sku: A, quantity: 4 }, { sku: B }] });
    expect(applyCartIntent([{ sku: B, quantity: 1 }], { type: 'add', sku: A, quantity: 1 })).toMatchObject({
      value: [{ sku: B }, { sku: A }],
    });
  });

  it('refuses a line beyond the stock it is given, or beyond the per-line and per-cart limits', () => {
    expect(applyCartIntent([{ sku: A, quantity: 2 }], { type: 'add', sku: A, quantity: 2 }, 3)).toMatchObject(
      {
        ok: false,
        error: { code: 'INSUFFICIENT_STOCK', meta: { available: 3 } },
      },
    );
    expect(applyCartIntent([], { type: 'set', sku: A, quantity: 4 }, 3)).toMatchObject({
      error: { code: 'INSUFFICIENT_STOCK' },
    });
    expect(
      applyCartIntent([{ sku: A, quantity: MAX_LINE_QUANTITY }], { type: 'add', sku: A, quantity: 1 }),
    ).toMatchObject({ error: { code: 'QUANTITY_OUT_OF_RANGE' } });
    const full = Array.from({ length: MAX_CART_LINES }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    expect(applyCartIntent(full, { type: 'add', sku: A, quantity: 1 })).toMatchObject({
      error: { code: 'CART_LINE_LIMIT' },
    });
    // Taking a line down or out is always allowed, whatever the stock now.
    expect(applyCartIntent([{ sku: A, quantity: 5 }], { type: 'set', sku: A, quantity: 0 }, 0).ok).toBe(true);
  });
});

describe('applyCartIntents (what a device shows while writes are queued)', () => {
  it('applies queued intents in order and skips the ones the rules refuse', () => {
    const shown = applyCartIntents(
      [{ sku: A, quantity: 1 }],
      [
        { type: 'add', sku: B, quantity: 2 },
        { type: 'add', sku: A, quantity: MAX_LINE_QUANTITY },
        { type: 'set', sku: A, quantity: 3 },
        { type: 'remove', sku: B },
        { type: 'add', sku: B, quantity: 1 },
      ],
    );
    expect(shown).toEqual([
      { sku: A, quantity: 3 },
      { sku: B, quantity: 1 },
    ]);
  });
});
