/** addressLines: a saved address or an order's snapshot as the lines the account pages show. */
import { describe, expect, it } from 'vitest';
import { addressLines } from './address-lines';

describe('addressLines', () => {
  it('puts the place on one line and skips what is empty', () => {
    expect(
      addressLines(
        {
          name: 'Jo Doe',
          company: null,
          line1: '1 Main St',
          line2: '',
          city: 'Springfield',
          region: 'IL',
          postalCode: '62701',
          country: 'US',
          phone: null,
        },
        'United States',
      ),
    ).toEqual(['Jo Doe', '1 Main St', 'Springfield, IL 62701', 'United States']);
  });
  it('copes with a country without regions or cities, and falls back to the code', () => {
    expect(
      addressLines({
        name: 'A',
        line1: 'B',
        city: '',
        postalCode: 'D02 X285',
        country: 'IE',
        phone: '+353 1',
      }),
    ).toEqual(['A', 'B', 'D02 X285', 'IE', '+353 1']);
  });
});
