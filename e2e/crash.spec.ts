import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { serverActions } from "./support/app-routes";
import { copyOfBuild, freePort, ownServerEnv, spawnOwnServer } from "./support/own-server";
import { ACCOUNTS } from "./support/browser-guards";

/**
 * Crash safety through the real server: editors' saves go through `next start` (sign-in, then
 * the article editor's save action, as a browser sends it) from two writer processes, and the
 * server is killed with SIGKILL at a random moment. After each crash: every save the server
 * acknowledged is in the database with all its rows, `PRAGMA integrity_check` is ok, and the
 * restarted server serves the articles. Runs on its own database and its own copy of the build,
 * so the other tests' server is never disturbed.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const ROOT = path.resolve(import.meta.dirname, "..");
const ROUNDS = 3;
const hasSaveAction = () => serverActions().some((a) => a.file === "app/admin/articles/actions.ts" && a.name === "saveArticleAction");

type Server = { child: ChildProcess; log: () => string };

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const { child, output: log } = spawnOwnServer([path.join(ROOT, "server/main.mjs"), "--hostname", "127.0.0.1", "--port", String(port)], env);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return { child, log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start: ${log()}`);
}

type Writer = { child: ChildProcess; acks: Map<number, string>; stderr: () => string; exited: Promise<void> };

function startWriter(prefix: string, env: NodeJS.ProcessEnv): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/tests/article-writer.ts", "--prefix", prefix, "--via", "http"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acks = new Map<number, string>();
  let pending = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const m = /^ack (\d+) (\S+)$/.exec(line);
      if (m) acks.set(Number(m[1]), m[2]);
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, acks, stderr: () => stderr, exited };
}

test("SIGKILLed mid-write, the server loses no acknowledged save and comes back serving", async () => {
  test.skip(!hasSaveAction(), "the article editor's save action is not in this build");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-crash-"));
  const databasePath = path.join(dir, "news.db");
  // Its own copy of the build: pages it regenerates must not land in the other server's cache.
  const distName = `.next-crash-${process.pid}`;
  const { distDir, remove: removeBuild } = copyOfBuild(distName);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = ownServerEnv({ port, distDir: distName, databasePath });
  const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", "--demo"], { cwd: ROOT, env, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);

  const writerEnv = { ...env, BASE_URL: baseURL, NEXT_DIST_DIR: distDir, WRITER_EMAIL: ACCOUNTS.editor.email, WRITER_PASSWORD: ACCOUNTS.editor.password };
  const figures: string[] = [];
  let server: Server | undefined;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      server = await startServer(env, port);
      const writers = [startWriter(`crash-r${round}-a`, writerEnv), startWriter(`crash-r${round}-b`, writerEnv)];
      // Let both writers get going, then crash at a random moment while they save.
      const startedAt = Date.now();
      while (writers.some((w) => w.acks.size < 2) && Date.now() - startedAt < 30_000) {
        if (writers.some((w) => w.child.exitCode !== null)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const w of writers) expect(w.acks.size, `writer did not get going: ${w.stderr()}\n${server.log()}`).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 3_000));
      server.child.kill("SIGKILL");
      await new Promise((r) => server!.child.once("exit", r));
      await Promise.all(writers.map((w) => w.exited));

      const acked = new Map(writers.flatMap((w) => [...w.acks]));
      const db = new Database(databasePath);
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const missing: string[] = [];
        const partial: string[] = [];
        for (const [id, slug] of acked) {
          const row = db.prepare("select slug, status from articles where id = ?").get(id) as { slug: string; status: string } | undefined;
          if (!row || row.slug !== slug || row.status !== "published") {
            missing.push(`${id} ${slug}`);
            continue;
          }
          const tags = (db.prepare("select count(*) as n from article_tags where article_id = ?").get(id) as { n: number }).n;
          const revisions = (db.prepare("select count(*) as n from revisions where article_id = ?").get(id) as { n: number }).n;
          if (tags !== 3 || revisions < 1) partial.push(`${slug}: ${tags} tags, ${revisions} revisions`);
        }
        const found = acked.size - missing.length;
        figures.push(`round ${round}: ${acked.size} acknowledged, ${found} found`);
        expect(missing, "acknowledged saves missing after the crash").toEqual([]);
        expect(partial, "half-written saves").toEqual([]);
      } finally {
        db.close();
      }

      // Restarted, the server serves what was saved before the crash.
      server = await startServer(env, port);
      const last = [...acked.values()].at(-1)!;
      const page = await fetch(`${baseURL}/articles/${last}`);
      expect(page.status, last).toBe(200);
      const [, prefix, n] = /^(.*)-(\d+)$/.exec(last)!;
      expect(await page.text()).toContain(`Durability article ${n} (${prefix})`);
      expect((await fetch(`${baseURL}/`)).status).toBe(200);
      server.child.kill("SIGKILL");
      await new Promise((r) => server!.child.once("exit", r));
      server = undefined;
    }
  } finally {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    removeBuild();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`crash test: ${figures.join("; ")}`);
  test.info().annotations.push({ type: "crash", description: figures.join("; ") });
});
