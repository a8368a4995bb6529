/** The range form offers grouping and comparison only on the reports drawn over time. */
import { describe, expect, it } from 'vitest';
import { REPORT_PAGES, shownRangeFields } from './report-fields';

describe('shownRangeFields', () => {
  it('sales and traffic offer the grain and the comparison', () => {
    expect(shownRangeFields('/admin/reports', {})).toEqual({ grain: true, compare: true });
    expect(shownRangeFields('/admin/reports/traffic', {})).toEqual({ grain: true, compare: true });
  });

  it('best sellers, customers and promotions total the range, so they offer neither', () => {
    for (const path of [
      '/admin/reports/products',
      '/admin/reports/customers',
      '/admin/reports/promotions',
    ] as const) {
      expect(shownRangeFields(path, {})).toEqual({ grain: false, compare: false });
    }
  });

  it('a field with a wrong value in the address still shows, with its error', () => {
    expect(shownRangeFields('/admin/reports/products', { grain: 'Choose day, week or month.' })).toEqual({
      grain: true,
      compare: false,
    });
  });

  it('every report page is listed once', () => {
    expect(new Set(REPORT_PAGES.map((p) => p.href)).size).toBe(REPORT_PAGES.length);
  });
});
