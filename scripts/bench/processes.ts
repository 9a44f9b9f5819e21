/** Child processes for the bench: spawning, waiting for a port, memory of a process tree. */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";

export function runToEnd(command: string, args: string[], options: SpawnOptions & { logFile?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = options.logFile ? fs.openSync(options.logFile, "a") : "ignore";
    const child = spawn(command, args, { ...options, stdio: ["ignore", out, out] });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (typeof out === "number") fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/** Starts a long-running process in its own process group, output to `logFile`. */
export function startDetached(command: string, args: string[], options: SpawnOptions & { logFile: string }): ChildProcess {
  const out = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return child;
}

/** Stops a process group started by startDetached: TERM, then KILL after a grace period. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs));
  if ((await Promise.race([exited, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // process ended while listing
    }
  }
  return map;
}

export function processTree(rootPid: number): number[] {
  const map = children();
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(map.get(pid) ?? []));
  }
  return out;
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, ms) used so far by the process trees under these pids. Divided by
 * the requests served, it tells what a request costs the server whatever else the machine runs.
 */
export function cpuMs(rootPids: number[]): number {
  let ticks = 0;
  for (const root of rootPids) {
    for (const pid of processTree(root)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // utime and stime are fields 14 and 15 of /proc/<pid>/stat (3rd field is index 0 here).
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // process ended
      }
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Watches a process tree's memory: the largest sum of resident sets seen while sampling, and the
 * sum of each process's own high-water mark (VmHWM), which also catches peaks between samples.
 */
export function memoryWatch(rootPid: number, intervalMs = 200) {
  let peakRssKb = 0;
  const hwm = new Map<number, number>();
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(rootPid)) {
      sum += statusKb(pid, "VmRSS");
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, "VmHWM")));
    }
    peakRssKb = Math.max(peakRssKb, sum);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return {
        peakRssMb: peakRssKb / 1024,
        hwmSumMb: [...hwm.values()].reduce((s, x) => s + x, 0) / 1024,
        processes: hwm.size,
      };
    },
  };
}
