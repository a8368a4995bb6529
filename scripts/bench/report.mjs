/** Bench report: ratios to the baseline route, a Markdown table for the terminal and docs, machine facts. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const BASELINE = 'ping';

function ratio(a, b) {
  const r = a / b;
  return a === null || b === null || !Number.isFinite(r) ? null : Number(r.toFixed(2));
}

function mean(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The baseline at each concurrency: the mean of its runs there (before and after the other routes). */
function baselines(cells) {
  const byLevel = new Map();
  for (const c of cells) {
    if (c.scenario !== BASELINE || c.skipped) continue;
    byLevel.set(c.connections, [...(byLevel.get(c.connections) ?? []), c]);
  }
  return new Map(
    [...byLevel].map(([level, runs]) => [
      level,
      {
        p50: mean(runs.map((r) => r.latencyMs.p50)),
        p99: mean(runs.map((r) => r.latencyMs.p99)),
        rps: mean(runs.map((r) => r.rps)),
      },
    ]),
  );
}

/**
 * Adds `vsBaseline` to every measured cell: its p50, p99 and req/s divided by the baseline's at the same
 * concurrency in the same run. Absolute numbers swing with whatever else the 2-core machine is doing;
 * the ratio of two routes measured within a minute of each other on the same server moves much less.
 */
export function withRatios(cells) {
  const base = baselines(cells);
  return cells.map((cell) => {
    const b = base.get(cell.connections);
    if (cell.skipped || !b) return cell;
    return {
      ...cell,
      vsBaseline: {
        p50: ratio(cell.latencyMs.p50, b.p50),
        p99: ratio(cell.latencyMs.p99, b.p99),
        rps: ratio(cell.rps, b.rps),
      },
    };
  });
}

function fmt(n) {
  return n === null || n === undefined ? '–' : String(n);
}

function times(n) {
  return n === null || n === undefined ? '–' : `${n}×`;
}

/** The results as a Markdown table (one row per route and concurrency). */
export function formatTable(cells) {
  const header = [
    'Route',
    'Conns',
    'req/s',
    'bytes/resp',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'non-2xx',
    '409 / 422 / 429',
    'errors',
    'p50 vs ping',
    'p99 vs ping',
    'req/s vs ping',
  ];
  const rows = cells.map((c) =>
    c.skipped
      ? [c.label, c.connections, `skipped: ${c.skipped}`, ...header.slice(3).map(() => '')]
      : [
          c.label,
          c.connections,
          c.rps,
          c.bytesPerResponse,
          c.latencyMs.p50,
          c.latencyMs.p95,
          c.latencyMs.p99,
          c.non2xx,
          `${c.s409} / ${c.s422} / ${c.s429}`,
          c.errors + c.timeouts,
          times(c.vsBaseline?.p50),
          times(c.vsBaseline?.p99),
          times(c.vsBaseline?.rps),
        ],
  );
  return [header, header.map(() => '---'), ...rows].map(markdownRow).join('\n');
}

function markdownRow(cols) {
  return `| ${cols.map(fmt).join(' | ')} |`;
}

/** The CPU model as /proc/cpuinfo names it (os.cpus() elsewhere). */
function readCpuModel() {
  try {
    return (
      /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model
    );
  } catch {
    return os.cpus()[0]?.model;
  }
}

/** Facts about this machine and toolchain, for reading the numbers later. */
export function describeMachine() {
  const cpuModel = readCpuModel();
  const wrangler = JSON.parse(readFileSync('node_modules/wrangler/package.json', 'utf8')).version;
  const autocannon = JSON.parse(readFileSync('node_modules/autocannon/package.json', 'utf8')).version;
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim();
  return {
    nproc: Number(nproc) || os.availableParallelism(),
    cpuModel,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
    node: process.version,
    wrangler,
    autocannon,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
