import { describe, expect, it } from 'vitest';
import { CodeBatchInput, codeFromBytes, MAX_BATCH_CODES } from './code-batch';
import { DiscountCodeSchema } from './schema';

describe('code batches', () => {
  it('accepts 1 to 10,000 codes with an optional letters-and-digits prefix', () => {
    expect(CodeBatchInput.parse({ quantity: 10_000, prefix: ' gift ' })).toEqual({
      quantity: 10_000,
      prefix: 'GIFT',
    });
    expect(CodeBatchInput.parse({ quantity: 1 }).prefix).toBe('');
    for (const bad of [
      { quantity: 0 },
      { quantity: -5 },
      { quantity: MAX_BATCH_CODES + 1 },
      { quantity: 2.5 },
      { quantity: '10' },
      { quantity: 5, prefix: 'GIFT-' },
      { quantity: 5, prefix: '<script>' },
      { quantity: 5, prefix: 'ABCDEFGHIJKLM' },
      { quantity: 5, extra: true },
    ])
      expect(CodeBatchInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('makes codes shoppers can type, that the checkout accepts as codes', () => {
    const code = codeFromBytes('GIFT', new Uint8Array([0, 1, 31, 32, 33, 200, 255, 17, 8, 100]));
    expect(code).toBe('GIFT-01Z018ZH84');
    expect(DiscountCodeSchema.parse(code.toLowerCase())).toBe(code);
    expect(codeFromBytes('', new Uint8Array(10))).toBe('0000000000');
  });
});
