/** axe-core in e2e specs: the violations that fail a page (serious and critical). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/**
 * Serious and critical violations of WCAG 2.x A/AA rules (and axe's best practices), as readable lines. Minor and
 * moderate ones are attached to the test's report as annotations, to fix when convenient.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.passes.length, 'axe ran its rules on the page').toBeGreaterThan(10);
  for (const v of results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical')) {
    test
      .info()
      .annotations.push({ type: `axe ${v.impact}`, description: `${v.id}: ${v.nodes.length} node(s)` });
  }
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
