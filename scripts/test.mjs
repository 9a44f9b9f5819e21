// `npm test`: unit tests, then Playwright end-to-end tests against a production build on a
// throwaway database in real Chromium. Installs dependencies first when they are missing.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { bin, ensureDependencies, run } from "./lib.mjs";

ensureDependencies();

function findBrowser() {
  if (fs.existsSync("/usr/bin/chromium")) return "system";
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('playwright-core');process.exit(require('fs').existsSync(chromium.executablePath())?0:1)"], { stdio: "ignore" });
  if (probe.status === 0) return "playwright";
  console.log("No browser found: trying `npx playwright install chromium`…");
  const install = spawnSync(bin("playwright"), ["install", "chromium"], { stdio: "inherit" });
  if (install.status === 0) return "playwright";
  console.error(
    "✖ No browser for the end-to-end tests. Install Debian's Chromium (`sudo apt-get install -y chromium`) " +
      "or Playwright's (`npx playwright install chromium`), then run `npm test` again.",
  );
  process.exit(1);
}

const only = process.argv[2];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (only !== "e2e") run(bin("vitest"), ["run"], { env });
if (only !== "unit") {
  findBrowser();
  run(bin("playwright"), ["test", ...process.argv.slice(3)], { env });
}
