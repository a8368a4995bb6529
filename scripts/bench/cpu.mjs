/**
 * CPU per request: `node scripts/bench/cpu.mjs <base url> <scenario id> [requests]` sends `requests` (2,000) of one
 * bench scenario (`ping`, `add-to-cart`, `stock-hold`… as `npm run bench` names them, scripts/bench/scenarios.mjs) at 8
 * connections, three times after a warm-up, and prints the workerd process's CPU time (user + system, from
 * /proc/<pid>/stat) divided by the requests. On this machine throughput ratios move with whatever else runs; CPU per
 * request much less (docs/benchmarks.md, "The money path, CPU per request"). Start the server first, e.g.
 * `PORT=8931 PERSIST_DIR=.wrangler/bench-10000x4 SKIP_BUILD=1 node scripts/start.mjs`.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadFixtures } from './fixtures.mjs';
import { buildScenarios } from './scenarios.mjs';

const [base, id, count = '2000'] = process.argv.slice(2);
const scenario = base && buildScenarios(await loadFixtures(base)).find((s) => s.id === id);
if (!scenario) {
  console.error(
    'usage: node scripts/bench/cpu.mjs <base url> <scenario id, e.g. ping, add-to-cart> [requests]',
  );
  process.exit(2);
}
const amount = Number(count);

const pid = execSync("pgrep -f 'workerd serve' | head -1").toString().trim();
/** CPU time the workerd process has used, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs() {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

await scenario.prepare?.(base);
const run = (n) =>
  new Promise((resolve, reject) =>
    autocannon({ url: base, connections: 8, amount: n, requests: scenario.requests() }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

await run(400);
for (let round = 0; round < 3; round++) {
  const before = cpuMs();
  const result = await run(amount);
  const used = cpuMs() - before;
  console.log(
    `${id}: ${(used / amount).toFixed(2)} ms CPU a request, ${result.requests.average} req/s, ${result.non2xx} non-2xx`,
  );
}
