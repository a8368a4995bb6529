/**
 * V8 heap of every isolate in a workerd started with an inspector (INSPECTOR_PORT for scripts/start.mjs), over
 * the DevTools protocol: `node scripts/bench/heap.mjs <inspector port>` prints each isolate's used and total heap
 * (MiB). Used by scripts/bench-memory.mjs to tell the V8 heaps apart from workerd's native memory. (workerd's
 * inspector never answers HeapProfiler.collectGarbage, so a GC cannot be forced from here.)
 */
import { fileURLToPath } from 'node:url';

/** Sends CDP commands over one WebSocket; resolves each by id. */
export function cdp(url) {
  const ws = new WebSocket(url);
  let seq = 0;
  const pending = new Map();
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(event.data);
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  const opened = new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
  });
  return {
    async send(method, params = {}) {
      await opened;
      const id = ++seq;
      const result = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      ws.send(JSON.stringify({ id, method, params }));
      return Promise.race([
        result,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${method} timed out`)), 30_000)),
      ]);
    },
    close: () => ws.close(),
  };
}

const mib = (bytes) => Number((bytes / 2 ** 20).toFixed(1));

/**
 * Heap usage of each inspectable isolate.
 * @returns {Promise<{ totalUsedMiB: number, totalHeapMiB: number, isolates: { id: string, usedMiB: number, totalMiB: number }[] }>}
 */
export async function heapUsage(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json();
  const isolates = [];
  for (const target of targets) {
    const session = cdp(target.webSocketDebuggerUrl);
    try {
      const { usedSize, totalSize } = await session.send('Runtime.getHeapUsage');
      isolates.push({ id: target.id, usedMiB: mib(usedSize), totalMiB: mib(totalSize) });
    } catch (error) {
      isolates.push({ id: target.id, error: String(error.message ?? error) });
    } finally {
      session.close();
    }
  }
  const sum = (key) => Number(isolates.reduce((s, i) => s + (i[key] ?? 0), 0).toFixed(1));
  return { totalUsedMiB: sum('usedMiB'), totalHeapMiB: sum('totalMiB'), isolates };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = process.argv[2];
  if (!port) {
    console.error('usage: node scripts/bench/heap.mjs <inspector port>');
    process.exit(2);
  }
  const usage = await heapUsage(port);
  for (const i of usage.isolates)
    console.log(`${i.id.padEnd(36)} ${i.error ?? `${i.usedMiB} / ${i.totalMiB} MiB`}`);
  console.log(`all isolates: ${usage.totalUsedMiB} MiB used of ${usage.totalHeapMiB} MiB heap`);
}
