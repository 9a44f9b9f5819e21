/**
 * Load from a second process: each run is a separate autocannon process against 127.0.0.1, so
 * the load generator never shares an event loop with the server or with the bench's bookkeeping.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export type LoadResult = {
  target: string;
  via: string;
  /** "gzip" asks for compression as browsers do; "identity" does not, as wrk does by default. */
  encoding: "gzip" | "identity";
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerRequest: number;
  /** Server CPU time per request (user + system of the serving process trees). */
  serverCpuMsPerRequest?: number;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  throughput: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  "2xx": number;
};

export function autocannon(
  root: string,
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<AutocannonJson> {
  const args = [
    path.join(root, "node_modules", "autocannon", "autocannon.js"),
    "--json",
    "--no-progress",
    "-c",
    String(options.connections),
    "-d",
    String(options.seconds),
    "-t",
    "10",
  ];
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push("-H", `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out) as AutocannonJson);
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

/** Browsers ask for compressed responses; the load does too, so compression cost is measured. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/xhtml+xml" };

export async function measureLoad(
  root: string,
  target: { name: string; url: string; via: string },
  connections: number,
  seconds: number,
  encoding: LoadResult["encoding"] = "gzip",
): Promise<LoadResult> {
  const headers = encoding === "gzip" ? BROWSER_HEADERS : { accept: BROWSER_HEADERS.accept };
  const r = await autocannon(root, target.url, { connections, seconds, headers });
  const total = r.requests.total;
  return {
    target: target.name,
    via: target.via,
    encoding,
    url: target.url,
    connections,
    seconds: r.duration,
    requests: total,
    rps: total / (r.duration || seconds),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    maxMs: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerRequest: total ? r.throughput.total / total : 0,
  };
}
