/**
 * Resident memory of a process tree, from /proc (Linux): `node scripts/bench/memory.mjs <pid>` prints every
 * process of the tree rooted at <pid> with its VmRSS and the total. Imported by scripts/bench-memory.mjs.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ppid and command of a process, or null when it is gone. */
function readStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses: it ends at the last ')'.
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { ppid, comm: stat.slice(stat.indexOf('(') + 1, close) };
  } catch {
    return null;
  }
}

/** VmRSS in KiB (0 for a zombie or a process that just ended). */
function readRssKiB(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function readCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** The pids of `root` and all its descendants. */
export function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(name));
    children.set(stat.ppid, list);
  }
  const pids = [];
  const queue = [Number(root)];
  while (queue.length) {
    const pid = queue.shift();
    if (!readStat(pid)) continue;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** CPU time (user + system, in clock ticks) a process has used so far; null when it is gone. */
export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime and stime (fields 14 and 15 of stat)
  } catch {
    return null;
  }
}

const MIB = 1024;

/**
 * Every process of the tree with its RSS (MiB), and the total. RSS counts shared pages (the node and workerd
 * binaries' code) in each process that maps them, so the total slightly overstates what the tree costs.
 * @returns {{ totalMiB: number, processes: { pid: number, comm: string, rssMiB: number, cmd: string }[] }}
 */
export function treeMemory(root) {
  const processes = processTree(root).map((pid) => ({
    pid,
    comm: readStat(pid)?.comm ?? '?',
    rssMiB: Number((readRssKiB(pid) / MIB).toFixed(1)),
    cmd: readCmdline(pid).slice(0, 120),
  }));
  const totalMiB = Number(processes.reduce((sum, p) => sum + p.rssMiB, 0).toFixed(1));
  return { totalMiB, processes };
}

/** RSS (MiB) of the one process of the tree whose command is `comm` (e.g. 'workerd'), summed if several. */
export function commMemory(tree, comm) {
  return Number(
    tree.processes
      .filter((p) => p.comm === comm)
      .reduce((sum, p) => sum + p.rssMiB, 0)
      .toFixed(1),
  );
}

/**
 * Durable Objects of `className` that workerd holds open right now: each running SQLite-backed object keeps its
 * database file open (<id>.sqlite, plus -wal and -shm), and closes it when workerd evicts the object.
 */
export function openObjects(pid, className) {
  let n = 0;
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.includes(`-${className}/`) && /[0-9a-f]{64}\.sqlite$/.test(target)) n += 1;
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return null;
  }
  return n;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node scripts/bench/memory.mjs <pid>');
    process.exit(2);
  }
  const { totalMiB, processes } = treeMemory(root);
  for (const p of processes)
    console.log(`${String(p.pid).padStart(7)} ${String(p.rssMiB).padStart(8)} MiB  ${p.cmd}`);
  console.log(`total ${totalMiB} MiB in ${processes.length} process(es)`);
}
