/**
 * Which of the range form's choices each report uses. Sales and traffic draw their figures over time, so grouping
 * (day, week, month) and the comparison period change what they show; best sellers, customers and promotions total
 * the range, so those two choices would do nothing there and are not offered.
 */

/** The report pages in tab order; `series`: the report is drawn over time (grain and comparison apply). */
export const REPORT_PAGES = [
  { href: '/admin/reports', label: 'Sales', series: true },
  { href: '/admin/reports/products', label: 'Products', series: false },
  { href: '/admin/reports/customers', label: 'Customers', series: false },
  { href: '/admin/reports/promotions', label: 'Promotions', series: false },
  { href: '/admin/reports/traffic', label: 'Traffic', series: true },
] as const;

export type ReportPath = (typeof REPORT_PAGES)[number]['href'];

/**
 * The grain and comparison fields `path` shows. A field a report does not use still shows when its value is wrong
 * (typed into the address), so the error that stops the report is read beside it rather than nowhere.
 */
export function shownRangeFields(
  path: ReportPath,
  errors: { grain?: string; compare?: string },
): { grain: boolean; compare: boolean } {
  const series = REPORT_PAGES.find((p) => p.href === path)?.series ?? true;
  return { grain: series || errors.grain !== undefined, compare: series || errors.compare !== undefined };
}
