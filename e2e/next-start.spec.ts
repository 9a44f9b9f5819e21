import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { copyOfBuild, freePort, ownServerEnv, spawnOwnServer } from "./support/own-server";

/**
 * A deployment that runs plain `next start` (no server/main.mjs) gets the same in-process layer
 * from instrumentation.ts: cached public pages answered from memory, ad beacons counted before
 * Next's router, and the counted impressions written when the server stops. Runs on its own
 * database and its own copy of the build, so no other test's server is disturbed.
 */
test.setTimeout(120_000);

const ROOT = path.resolve(import.meta.dirname, "..");

test("plain next start answers cached pages from memory and counts beacons in-process", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-next-start-"));
  const databasePath = path.join(dir, "news.db");
  const distName = `.next-start-${process.pid}`;
  const build = copyOfBuild(distName);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = ownServerEnv({ port, distDir: distName, databasePath });
  const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", "--demo"], { cwd: ROOT, env, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);

  const { child, output, exited } = spawnOwnServer(["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], env);
  try {
    await expect
      .poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000, message: output() })
      .toBe(200);

    // The first request renders (or reads Next's cache); the second is a copy from memory,
    // the only answers that carry `Age`.
    const first = await fetch(`${base}/`);
    expect(first.status).toBe(200);
    expect(first.headers.get("age")).toBeNull();
    const firstBody = await first.text();
    const second = await fetch(`${base}/`);
    expect(second.headers.get("age")).toMatch(/^\d+$/);
    expect(await second.text()).toBe(firstBody);
    // Search is rendered per request, never kept.
    await fetch(`${base}/search?q=taliban`);
    expect((await fetch(`${base}/search?q=taliban`)).headers.get("age")).toBeNull();

    for (let i = 0; i < 7; i++) {
      const beacon = await fetch(`${base}/ads/YYYYYYYYYY/impression.gif`);
      expect(beacon.status).toBe(200);
      expect(beacon.headers.get("content-type")).toBe("image/gif");
      expect(beacon.headers.get("content-length")).toBe("42");
    }
    expect((await fetch(`${base}/ads/NO_SUCH_SLOT/impression.gif`)).status).toBe(404);

    // Counted in memory and written once a second; stopping writes whatever is still pending.
    child.kill("SIGTERM");
    expect((await exited).code, output()).toBe(143);
    const db = new Database(databasePath, { readonly: true });
    try {
      const { n } = db
        .prepare("select coalesce(sum(s.impressions), 0) as n from ad_stats s join ad_slots a on a.id = s.slot_id where a.key = ?")
        .get("YYYYYYYYYY") as { n: number };
      expect(n).toBe(7);
    } finally {
      db.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    build.remove();
  }
});
