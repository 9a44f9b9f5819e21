import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freePort, ownServerEnv, spawnOwnServer } from "./support/own-server";

/**
 * Graceful shutdown of the production server. Reuses the build the suite's web server made and
 * starts a second `next start` on its own throwaway database, so stopping it disturbs no other
 * test. A test-only preload holds one request back so it is in flight when the signal arrives.
 */

const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
// Next 16 exits with 128 + the signal's number after its own clean shutdown (see
// next/dist/server/lib/start-server.js), not 0: a process manager should count these as success.
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;
const GRACE_MS = 10_000; // lib/ops/shutdown.ts

/** GET on a connection of its own unless an agent is given, so a request tests a new connection. */
function get(url: string, options: { headers?: Record<string, string>; agent?: http.Agent } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.get(url, { headers: options.headers, agent: options.agent ?? false }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Server = {
  child: ChildProcess;
  base: string;
  databasePath: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  cleanup: () => void;
};

async function startServer(): Promise<Server> {
  expect(fs.existsSync(path.join(distDir, "BUILD_ID")), `a production build in ${distDir}`).toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-shutdown-"));
  const databasePath = path.join(dir, "news.db");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // `node server/main.mjs` rather than npx or npm, so the signal reaches the server process itself.
  const { child, output, exited } = spawnOwnServer(["server/main.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    ...ownServerEnv({ port, distDir, databasePath }),
    NODE_OPTIONS: `--require ${path.resolve("scripts/tests/delay-requests.cjs")}`,
  });
  await waitFor(async () => (await get(`${base}/api/health`)).status === 200, "the server to answer");
  return {
    child,
    base,
    databasePath,
    output,
    exited,
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function exitWithin(server: Server, ms: number) {
  return Promise.race([
    server.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms)),
  ]);
}

/** Closed cleanly: the WAL was checkpointed into the main file and removed. */
function expectCleanDatabase(databasePath: string) {
  expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // Migrations applied at start lived only in the -wal: they are in the main file now.
    const applied = db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`on ${signal} the server finishes in-flight requests, refuses new ones and closes the database`, async () => {
    test.setTimeout(90_000);
    const server = await startServer();
    try {
      expect(fs.existsSync(`${server.databasePath}-wal`)).toBe(true);
      const inFlight = get(`${server.base}/api/health`, { headers: { "x-test-delay-ms": "2000" } });
      await waitFor(() => server.output().includes("delaying GET /api/health"), "the slow request to arrive");
      const signalledAt = Date.now();
      server.child.kill(signal);

      // New connections are refused at once…
      await waitFor(
        () =>
          get(`${server.base}/api/health`).then(
            () => false,
            () => true,
          ),
        "new connections to be refused",
        5_000,
      );
      // …while the request already in flight completes, with the database still open for it.
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ status: "ok", database: "ok" });

      const result = await exitWithin(server, 15_000);
      const took = Date.now() - signalledAt;
      expect(result, server.output()).toEqual({ code: EXIT_CODES[signal], signal: null });
      // It waited for the slow request, and not for the grace period.
      expect(took).toBeGreaterThanOrEqual(1_500);
      expect(took).toBeLessThan(GRACE_MS);
      expectCleanDatabase(server.databasePath);
    } finally {
      server.cleanup();
    }
  });
}

test("a client that keeps its connection busy is told to close it, so it cannot hold shutdown open", async () => {
  test.setTimeout(90_000);
  const server = await startServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stop = false;
  const answers: { status: number; connection?: string }[] = [];
  try {
    await get(`${server.base}/api/health`, { agent });
    // This client never lets its connection go idle (each request is held back 200 ms by the preload).
    const chatter = (async () => {
      while (!stop) {
        const r = await get(`${server.base}/api/health`, { agent, headers: { "x-test-delay-ms": "200" } }).catch(() => null);
        if (!r) break;
        answers.push({ status: r.status, connection: String(r.headers.connection ?? "") });
      }
    })();
    const delayed = () => server.output().split("delaying GET").length - 1;
    await waitFor(() => answers.length >= 2, "the client to get going");
    const before = delayed();
    await waitFor(() => delayed() > before, "a request in flight");
    const answeredBefore = answers.length;
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    const result = await exitWithin(server, GRACE_MS + 10_000);
    const took = Date.now() - signalledAt;
    stop = true;
    await chatter;

    expect(result, server.output()).toEqual({ code: 143, signal: null });
    // The request in flight was answered, with "Connection: close"; then the server was free to go.
    const last = answers.at(-1)!;
    expect(answers.length).toBeGreaterThan(answeredBefore);
    expect(last).toEqual({ status: 200, connection: "close" });
    expect(took).toBeLessThan(GRACE_MS);
    expect(server.output()).not.toContain("connections still open");
    expectCleanDatabase(server.databasePath);
  } finally {
    stop = true;
    agent.destroy();
    server.cleanup();
  }
});

test("a request still running after the grace period does not hold shutdown open", async () => {
  test.setTimeout(90_000);
  const server = await startServer();
  try {
    const slow = get(`${server.base}/api/health`, { headers: { "x-test-delay-ms": String(GRACE_MS + 20_000) } }).catch(() => null);
    await waitFor(() => server.output().includes("delaying GET /api/health"), "the slow request to arrive");
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    const result = await exitWithin(server, GRACE_MS + 10_000);
    const took = Date.now() - signalledAt;
    await slow;

    expect(result, server.output()).toEqual({ code: 143, signal: null });
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 500);
    expect(server.output()).toContain(`connections still open after ${GRACE_MS} ms`);
    expectCleanDatabase(server.databasePath);
  } finally {
    server.cleanup();
  }
});
