/**
 * CPU per request: `node scripts/bench/cpu.mjs <base url> <ping|add|hold> [requests]` sends `requests` (2,000) at 8
 * connections, three times after a warm-up, and prints the workerd process's CPU time (user + system, from
 * /proc/<pid>/stat) divided by the requests. On this machine throughput ratios move with whatever else runs; CPU per
 * request much less (docs/benchmarks.md, "The money path, CPU per request"). Start the server first, e.g.
 * `PORT=8931 PERSIST_DIR=.wrangler/bench-10000x4 SKIP_BUILD=1 node scripts/start.mjs`; `add` fills carts of
 * PER_CART (4) lines, one shopper's address per cart, as the bench's add-to-cart scenario does.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadFixtures, mintCartId, nextClientIp } from './fixtures.mjs';

const [base, what, count = '2000'] = process.argv.slice(2);
if (!base || !['ping', 'add', 'hold'].includes(what)) {
  console.error('usage: node scripts/bench/cpu.mjs <base url> <ping|add|hold> [requests]');
  process.exit(2);
}
const amount = Number(count);
const perCart = Number(process.env.PER_CART ?? 4);

const pid = execSync("pgrep -f 'workerd serve' | head -1").toString().trim();
/** CPU time the workerd process has used, in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs() {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const { skus } = await loadFixtures(base);
let next = 0;
const addRequests = Array.from({ length: perCart }, (_, i) => ({
  method: 'POST',
  setupRequest: (req, context) => {
    if (i === 0 || !context.cartId) {
      context.cartId = mintCartId();
      context.clientIp = nextClientIp();
      context.firstSku = next;
      next += perCart;
    }
    return {
      ...req,
      path: `/api/carts/${context.cartId}/items`,
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': context.clientIp },
      body: JSON.stringify({ sku: skus[(context.firstSku + i) % skus.length], quantity: 1 }),
    };
  },
}));
const requests = {
  ping: [{ method: 'GET', path: '/api/ping' }],
  add: addRequests,
  hold: [{ method: 'POST', path: `/dev/stock/${encodeURIComponent(skus[0])}/hold` }],
}[what];

const run = (n) =>
  new Promise((resolve, reject) =>
    autocannon({ url: base, connections: 8, amount: n, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );

await run(400);
for (let round = 0; round < 3; round++) {
  const before = cpuMs();
  const result = await run(amount);
  const used = cpuMs() - before;
  console.log(
    `${what}: ${(used / amount).toFixed(2)} ms CPU a request, ${result.requests.average} req/s, ${result.non2xx} non-2xx`,
  );
}
