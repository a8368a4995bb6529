/**
 * The Workers Rate Limiting bindings count in windows aligned to the clock (a new minute starts every count afresh),
 * so a test that spends a budget and expects the 429 must not straddle two windows: it starts early in one, waiting
 * out the end of the current window when less than `needMs` of it is left.
 */
export async function startEarlyInWindow(periodSeconds: number, needMs = 5_000): Promise<void> {
  const periodMs = periodSeconds * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
