// Starts the app for end-to-end tests: a fresh throwaway database, a fresh build, the production server.
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { bin, root, run } from "./lib.mjs";

const databasePath = path.resolve(process.env.DATABASE_PATH ?? "");
// Guard: tests wipe and rewrite their database; never point them at a real one.
if (!databasePath.startsWith(os.tmpdir()) || !databasePath.includes("dateline-e2e-")) {
  console.error(`Refusing to run end-to-end tests against ${databasePath}: not a throwaway test database.`);
  process.exit(1);
}
const env = { ...process.env, NODE_ENV: "production" };
run(bin("tsx"), ["scripts/setup.ts", "--demo"], { env });
// Data and pages cached by an earlier run on another database must not leak into this one:
// `next build` replaces the pages but keeps the data cache folder, so remove the whole dist dir.
fs.rmSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next"), { recursive: true, force: true });
run(bin("next"), ["build"], { env });
// The production server (server/main.mjs): Next behind its in-memory response cache.
run(process.execPath, ["server/main.mjs", "--hostname", "127.0.0.1", "--port", process.env.PORT], { env });
