import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build, on a throwaway database. This file is
 * evaluated in the runner and in every worker: the database path and port are computed once and
 * passed through process.env so all processes agree.
 */
if (!process.env.E2E_DATABASE_PATH) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-"));
  process.env.E2E_DATABASE_PATH = path.join(dir, "news.db");
}
process.env.E2E_PORT ??= String(3100 + Math.floor(Math.random() * 800));
const port = Number(process.env.E2E_PORT);
export const baseURL = `http://127.0.0.1:${port}`;

const EXCLUSIVE = /(authorization|hostile-input|route-fuzz|crash|response-cache|next-start)\.spec\.ts$/;

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // Tests tagged @isolated read site-wide totals; they run before anything else writes.
    { name: "isolated", grep: /@isolated/, use: { ...devices["Desktop Chrome"], launchOptions } },
    // Specs that compare the whole database before and after, change site-wide settings or start
    // a second server (whose start-up would slow everyone else's pages) run after the rest (as
    // its "teardown", so they run even when another test failed) and one at a time, so no other
    // test's writes blur what they see.
    {
      name: "chromium",
      grepInvert: /@isolated/,
      testIgnore: EXCLUSIVE,
      dependencies: ["isolated"],
      teardown: "exclusive",
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    { name: "exclusive", testMatch: EXCLUSIVE, workers: 1, use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      SITE_URL: baseURL,
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
