// `npm run demo`: install, migrate, seed the demo, build and serve on http://localhost:3000.
// Honours PORT and HOSTNAME; an existing database is kept (the seed never duplicates rows).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { authSecret, bin, ensureDependencies, root, run } from "./lib.mjs";

ensureDependencies();
const databasePath = process.env.DATABASE_PATH ?? "data/news.db";
const port = process.env.PORT ?? "3000";
const hostname = process.env.HOSTNAME ?? "127.0.0.1";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: databasePath,
  AUTH_SECRET: authSecret(databasePath),
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
  PORT: port,
};
run(bin("tsx"), ["scripts/setup.ts", "--demo"], { env });
// Cached data from an earlier build may predate changes made outside the app (restore, import).
fs.rmSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "cache", "fetch-cache"), { recursive: true, force: true });
run(bin("next"), ["build"], { env });
console.log(`\nDateline is starting on http://localhost:${port} (listening on ${hostname})`);
console.log("Sign in at /admin with admin@example.com / admin-demo-password\n");
// The server runs as a child that receives this process's signals, so stopping `npm run demo`
// (Ctrl-C, SIGTERM) stops the server gracefully instead of orphaning it.
const server = spawn(process.execPath, ["server/main.mjs", "--hostname", hostname, "--port", port], { stdio: "inherit", cwd: root, env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
