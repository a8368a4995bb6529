/** findVariant: the size/colour → variant rule used by the add-to-cart action and the offline add. */
import { describe, expect, it } from 'vitest';
import { findVariant, findVariantByOptions } from './find-variant';

const TEE = [
  { sku: 'TEE-S-RED', size: 'S', colour: 'Red' },
  { sku: 'TEE-M-RED', size: 'M', colour: 'Red' },
  { sku: 'TEE-M-BLUE', size: 'M', colour: 'Blue' },
];
const MUG = [{ sku: 'MUG-1', size: null, colour: null }];

describe('findVariant', () => {
  it('finds the variant with both options equal to the choice', () => {
    expect(findVariant(TEE, { size: 'M', colour: 'Blue' })?.sku).toBe('TEE-M-BLUE');
    expect(findVariant(TEE, { size: ' S ', colour: 'Red' })?.sku).toBe('TEE-S-RED');
  });
  it('returns null for a combination no variant has, or a partial choice', () => {
    expect(findVariant(TEE, { size: 'S', colour: 'Blue' })).toBeNull();
    expect(findVariant(TEE, { size: 'M' })).toBeNull();
    expect(findVariant([], {})).toBeNull();
  });
  it('matches a variant without options when the choice leaves them out', () => {
    expect(findVariant(MUG, {})?.sku).toBe('MUG-1');
    expect(findVariant(MUG, { size: '', colour: null })?.sku).toBe('MUG-1');
    expect(findVariant(MUG, { size: 'M' })).toBeNull();
  });
});

describe('findVariantByOptions', () => {
  const MATTRESS = [
    { sku: 'M-90-FIRM', options: { Width: '90 cm', Feel: 'Firm' } },
    { sku: 'M-140-SOFT', options: { Width: '140 cm', Feel: 'Soft' } },
  ];
  it('matches every option type, trimming what the form posted', () => {
    expect(findVariantByOptions(MATTRESS, ['Width', 'Feel'], ['140 cm', ' Soft '])?.sku).toBe('M-140-SOFT');
    expect(findVariantByOptions(MATTRESS, ['Width', 'Feel'], ['140 cm', 'Firm'])).toBeNull();
    expect(findVariantByOptions(MATTRESS, ['Width', 'Feel'], ['90 cm'])).toBeNull();
  });
  it('finds the only variant of a product without options', () => {
    expect(findVariantByOptions([{ sku: 'MUG', options: {} }], [], [])?.sku).toBe('MUG');
  });
});
