/** One bench cell: a warm-up, then a timed autocannon run at a fixed concurrency, summarised. */
import autocannon from 'autocannon';

/** Nearest-rank percentile of an ascending array (ms). */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function round(n, digits = 2) {
  return n === null ? null : Number(n.toFixed(digits));
}

/**
 * Runs autocannon once and collects every response's latency itself: autocannon's own histogram keeps
 * whole milliseconds and reports no p95, and a loopback /api/ping answers in about a millisecond.
 */
function runAutocannon({ baseUrl, connections, durationS, requests, rate }) {
  const latencies = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationS,
        pipelining: 1,
        timeout: 10,
        requests,
        // A paced scenario sends `rate` requests a second in all, not as many as the server answers.
        ...(rate ? { overallRate: rate } : {}),
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Sums statuses into the counts the report shows; 409/422/429 are the cart route's expected refusals. */
function countStatuses(statusCodeStats) {
  const counts = { ok2xx: 0, non2xx: 0, s404: 0, s409: 0, s422: 0, s429: 0, s5xx: 0 };
  for (const [code, { count }] of Object.entries(statusCodeStats)) {
    const status = Number(code);
    if (status >= 200 && status < 300) counts.ok2xx += count;
    else counts.non2xx += count;
    if (status === 404) counts.s404 += count;
    if (status === 409) counts.s409 += count;
    if (status === 422) counts.s422 += count;
    if (status === 429) counts.s429 += count;
    if (status >= 500) counts.s5xx += count;
  }
  return counts;
}

/**
 * Measures one scenario at one concurrency: a short warm-up run (discarded) so JIT, D1 page cache and
 * Durable Object start-up are not billed to the first cell, then the timed run.
 */
export async function measureCell({ baseUrl, scenario, connections, durationS, warmupS }) {
  if (warmupS > 0)
    await runAutocannon({
      baseUrl,
      connections,
      durationS: warmupS,
      requests: scenario.requests(),
      rate: scenario.rate,
    });
  const { result, latencies } = await runAutocannon({
    baseUrl,
    connections,
    durationS,
    requests: scenario.requests(),
    rate: scenario.rate,
  });
  const sorted = Float64Array.from(latencies).sort();
  const completed = latencies.length;
  return {
    scenario: scenario.id,
    label: scenario.label,
    connections,
    durationS: result.duration,
    completed,
    rps: round(completed / result.duration, 1),
    bytesPerResponse: completed ? Math.round(result.throughput.total / completed) : null,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(percentile(sorted, 100)),
    },
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, v]) => [code, v.count])),
    ...countStatuses(result.statusCodeStats),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
