import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, runMigrations } from "@/db";
import { env } from "@/lib/env";
import { createBackup } from "./backup";

/**
 * Durability under crashes and contention, with real processes on a real SQLite file: writers
 * are separate Node processes using the app's database client and transactions, killed with
 * SIGKILL at random moments.
 */

type Writer = {
  child: ChildProcess;
  acks: Map<number, string>;
  /** performance.now() of the first and latest acknowledgement. */
  ackTimes: { first: number; last: number };
  stderr: () => string;
  waitForAcks: (n: number, timeoutMs?: number) => Promise<void>;
  /** Resolves once the writer is connected (it prints `ready`). */
  ready: Promise<void>;
  /** With `waitForGo`, lets the writer start writing. */
  go: () => void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const running = new Set<ChildProcess>();

function startWriter(prefix: string, count = 0, { waitForGo = false, pauseMs = 0 } = {}): Writer {
  const child = spawn(
    process.execPath,
    [
      "--import", "tsx", "scripts/tests/article-writer.ts", "--prefix", prefix, "--count", String(count),
      ...(waitForGo ? ["--wait-for-go"] : []),
      ...(pauseMs ? ["--pause-ms", String(pauseMs)] : []),
    ],
    { env: { ...process.env, DATABASE_PATH: env.DATABASE_PATH }, stdio: [waitForGo ? "pipe" : "ignore", "pipe", "pipe"] },
  );
  running.add(child);
  const acks = new Map<number, string>();
  const ackTimes = { first: 0, last: 0 };
  const waiters: { n: number; resolve: () => void }[] = [];
  let pending = "";
  let stderr = "";
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === "ready") markReady();
      const m = /^ack (\d+) (\S+)$/.exec(line);
      if (!m) continue;
      acks.set(Number(m[1]), m[2]);
      ackTimes.last = performance.now();
      if (acks.size === 1) ackTimes.first = ackTimes.last;
    }
    for (const w of waiters.filter((w) => acks.size >= w.n)) w.resolve();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const waitForAcks = (n: number, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      if (acks.size >= n) return resolve();
      const timer = setTimeout(() => reject(new Error(`writer ${prefix}: ${acks.size}/${n} acks; stderr: ${stderr}`)), timeoutMs);
      waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then(() => {
        if (acks.size < n) reject(new Error(`writer ${prefix} exited after ${acks.size}/${n} acks; stderr: ${stderr}`));
      });
    });
  const go = () => void child.stdin?.end("go\n");
  return { child, acks, ackTimes, stderr: () => stderr, waitForAcks, ready, go, exited };
}

function inspect(file: string, prefix: string) {
  const conn = new Database(file);
  try {
    const like = `${prefix}-%`;
    const rows = conn.prepare("select id, slug from articles where slug like ?").all(like) as { id: number; slug: string }[];
    // Each article is written with exactly 3 tags, 1 revision and 1 audit entry in one transaction:
    // any article missing one of them would be a half-applied transaction.
    const partial = conn
      .prepare(
        `select count(*) as n from articles a where a.slug like ? and (
           (select count(*) from article_tags t where t.article_id = a.id) != 3 or
           (select count(*) from revisions r where r.article_id = a.id) != 1 or
           (select count(*) from audit_log l where l.entity_id = cast(a.id as text)) != 1)`,
      )
      .get(like) as { n: number };
    return {
      bySlug: new Map(rows.map((r) => [r.slug, r.id])),
      partial: partial.n,
      integrity: conn.pragma("integrity_check", { simple: true }),
      foreignKeys: conn.pragma("foreign_key_check") as unknown[],
    };
  } finally {
    conn.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => {
  runMigrations();
  closeDb();
});

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});

afterAll(() => closeDb());

describe("durability", () => {
  it("keeps every acknowledged write through repeated SIGKILLs of the writer", async () => {
    const rounds = 5;
    let acknowledged = 0;
    let found = 0;
    const report: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      const prefix = `crash-r${round}`;
      const writer = startWriter(prefix);
      await writer.waitForAcks(1);
      const delay = 20 + Math.floor(Math.random() * 600);
      await sleep(delay);
      writer.child.kill("SIGKILL");
      expect(await writer.exited).toEqual({ code: null, signal: "SIGKILL" });

      // Restart: a fresh connection recovers from the -wal the killed process left behind.
      const state = inspect(env.DATABASE_PATH, prefix);
      expect(state.integrity).toBe("ok");
      expect(state.foreignKeys).toEqual([]);
      expect(state.partial).toBe(0);
      const lost = [...writer.acks].filter(([id, slug]) => state.bySlug.get(slug) !== id);
      expect(lost, `acknowledged but missing in round ${round}`).toEqual([]);
      // At most the one transaction that committed between its COMMIT and its ack.
      expect(state.bySlug.size - writer.acks.size).toBeLessThanOrEqual(1);
      acknowledged += writer.acks.size;
      found += [...writer.acks.values()].filter((slug) => state.bySlug.has(slug)).length;
      report.push(`round ${round}: killed after ${delay} ms, ${writer.acks.size} acked, ${state.bySlug.size} in db`);
    }
    console.log(`crash test: ${acknowledged} writes acknowledged, ${found} found\n  ${report.join("\n  ")}`);
    expect(found).toBe(acknowledged);
  }, 90_000);

  it("lets three processes write at once without SQLITE_BUSY", async () => {
    const perWriter = 200;
    const writers = ["busy-a", "busy-b", "busy-c"].map((p) => startWriter(p, perWriter, { waitForGo: true, pauseMs: 2 }));
    // Process start-up (tsx, opening the database) takes seconds on a busy machine and differs
    // between the three, so they all connect first and then start writing together, each pausing
    // between articles as a server does between saves (in a tight loop one writer would hold the
    // lock until it is done while the others' busy handlers sleep).
    await Promise.race([
      Promise.all(writers.map((w) => w.ready)),
      Promise.all(writers.map((w) => w.exited)).then(() => {
        throw new Error(`a writer exited before it was ready: ${writers.map((w) => w.stderr()).join("\n")}`);
      }),
    ]);
    const started = performance.now();
    for (const w of writers) w.go();
    const results = await Promise.all(writers.map((w) => w.exited));
    const seconds = (performance.now() - started) / 1000;
    writers.forEach((w) => expect(w.stderr()).not.toMatch(/SQLITE_BUSY|locked/));
    expect(results).toEqual(writers.map(() => ({ code: 0, signal: null })));
    // The three really wrote at the same time: every writer's run overlaps the others'.
    const overlap = Math.min(...writers.map((w) => w.ackTimes.last)) - Math.max(...writers.map((w) => w.ackTimes.first));
    expect(overlap).toBeGreaterThan(0);
    const ids = new Set(writers.flatMap((w) => [...w.acks.keys()]));
    expect(ids.size).toBe(3 * perWriter);
    for (const p of ["busy-a", "busy-b", "busy-c"]) {
      const state = inspect(env.DATABASE_PATH, p);
      expect(state.bySlug.size).toBe(perWriter);
      expect(state.partial).toBe(0);
    }
    console.log(
      `concurrent writers: ${3 * perWriter} articles from 3 processes in ${seconds.toFixed(1)} s ` +
        `(all three writing at once for ${Math.round(overlap)} ms), no SQLITE_BUSY`);
  }, 90_000);

  it("takes a consistent backup while a writer is busy", async () => {
    const writer = startWriter("online-backup");
    await writer.waitForAcks(50);
    const ackedBefore = writer.acks.size;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-online-backup-")), "b");
    const { manifest } = await createBackup({ databasePath: env.DATABASE_PATH, uploadsDir: env.UPLOADS_DIR, outDir: out });
    const ackedAfter = writer.acks.size;
    writer.child.kill("SIGKILL");
    await writer.exited;

    expect(manifest.database.integrity).toBe("ok");
    const copy = inspect(path.join(out, "news.db"), "online-backup");
    expect(copy.integrity).toBe("ok");
    expect(copy.partial).toBe(0);
    expect(copy.bySlug.size).toBeGreaterThanOrEqual(ackedBefore);
    expect(copy.bySlug.size).toBeLessThanOrEqual(ackedAfter + 1);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 60_000);
});
