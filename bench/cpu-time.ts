import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux x86-64). */
const TICKS_PER_S = 100;

/** User + system CPU milliseconds a process has used, from /proc (null when it is gone or not on Linux). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 12th, stime the 13th.
    const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(after[11]) + Number(after[12])) * 1000) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by every process with this command name (e.g. `postgres`, `redis-server`). */
export function commandCpuMs(command: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== command) continue;
    } catch {
      continue;
    }
    total += processCpuMs(Number(entry)) ?? 0;
  }
  return total;
}

/** Service, Redis and PostgreSQL CPU now; subtract two snapshots for what a run used. */
export function cpuSnapshot(servicePid: number | undefined) {
  return { service: servicePid ? processCpuMs(servicePid) ?? 0 : 0, redis: commandCpuMs("redis-server"), postgres: commandCpuMs("postgres") };
}
export type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

/** CPU milliseconds used so far by a process and its children (a node:cluster primary and its workers). */
export function treeCpuMs(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // not on Linux, or gone
  }
  return (processCpuMs(pid) ?? 0) + children.reduce((n, c) => n + (processCpuMs(c) ?? 0), 0);
}

/** The whole machine's busy and total clock ticks so far (/proc/stat's first line; idle and iowait are not busy). */
export function machineTicks(): { busy: number; total: number } {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const n = fields.map(Number);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - n[3]! - n[4]!, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}
