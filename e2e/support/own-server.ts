import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { DIST_DIR } from "./app-routes";

/**
 * For specs that start a server of their own next to the suite's: a free port, its environment,
 * and a copy of the suite's build (without its cache), so pages that server regenerates never
 * land in the other server's cache.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Copies the build to `<root>/<name>`; returns its absolute path and a function that removes it. */
export function copyOfBuild(name: string): { distDir: string; remove: () => void } {
  const distDir = path.join(ROOT, name);
  const cacheDir = path.join(DIST_DIR, "cache");
  fs.cpSync(DIST_DIR, distDir, { recursive: true, filter: (src) => src !== cacheDir && !src.startsWith(`${cacheDir}${path.sep}`) });
  return { distDir, remove: () => fs.rmSync(distDir, { recursive: true, force: true }) };
}

/** AUTH_SECRET of every server the end-to-end tests start (playwright.config.ts's included). */
export const E2E_AUTH_SECRET = "e2e-secret-not-for-production-0123456789";

/** The environment of a production server of a spec's own, on 127.0.0.1:`port`. */
export function ownServerEnv(options: { port: number; distDir: string; databasePath: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    DATABASE_PATH: options.databasePath,
    SITE_URL: `http://127.0.0.1:${options.port}`,
    PORT: String(options.port),
    AUTH_SECRET: E2E_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

export type OwnServer = {
  child: ChildProcess;
  /** Everything the process has written to stdout and stderr so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `node …args` from the project root with `env`, keeping its output for messages. */
export function spawnOwnServer(args: string[], env: NodeJS.ProcessEnv): OwnServer {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}
