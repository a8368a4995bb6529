/**
 * Where a route's CPU time goes: `node scripts/bench/profile.mjs <inspector port> <seconds>` samples every isolate of
 * a workerd started with INSPECTOR_PORT (scripts/start.mjs) while you load it (autocannon, the bench), then prints
 * the functions with the most self time, by isolate. The D1 and Durable Object storage engines are native code
 * inside workerd and do not show here: a route that waits on them shows as idle time. Node 20 needs
 * `node --experimental-websocket` for the WebSocket it talks to the inspector with (Node 22 has it by default).
 */
import { fileURLToPath } from 'node:url';
import { cdp } from './heap.mjs';

/** Self time (ms) per function in a V8 CPU profile, highest first. */
export function selfTimes(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    hits.set(key, (hits.get(key) ?? 0) + dt);
  }
  return [...hits].sort((a, b) => b[1] - a[1]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, seconds = '10', top = '25'] = process.argv.slice(2);
  if (!port) {
    console.error('usage: node scripts/bench/profile.mjs <inspector port> [seconds] [top]');
    process.exit(2);
  }
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const sessions = targets.map((t) => ({ id: t.id, s: cdp(t.webSocketDebuggerUrl) }));
  for (const { s } of sessions) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
  for (const { id, s } of sessions) {
    const { profile } = await s.send('Profiler.stop');
    s.close();
    const times = selfTimes(profile);
    const total = times.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`\n== isolate ${id}: ${total.toFixed(0)} ms sampled`);
    for (const [key, ms] of times.slice(0, Number(top)))
      console.log(`${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
}
