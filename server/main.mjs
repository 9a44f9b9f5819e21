// @ts-check
/**
 * The production server (`npm start`): Next's request handler behind an in-process response
 * cache (server/response-cache.mjs), so cached public pages are answered from memory. Requests
 * the app publishes under FAST_ROUTES_KEY (the ad impression beacon) are answered by the app's
 * own code before Next's router.
 *
 *   node server/main.mjs [--hostname HOST] [--port PORT]
 *
 * Listens on --hostname / HOSTNAME (default 0.0.0.0) and --port / PORT (default 3000); reads
 * .env files like `next start`.
 * RESPONSE_CACHE_TTL (seconds, default 10; 0 turns the cache off) caps how long a page is
 * answered from memory; RESPONSE_CACHE_MB (default 64) bounds its size. Editors' changes empty
 * it at once, so the cap only matters for changes made outside the app (restore, import) and
 * for several server processes sharing one database.
 *
 * On SIGTERM/SIGINT it stops accepting connections, lets requests in flight finish and exits
 * with 128 + the signal number (143 / 130), as `next start` does; lib/ops/shutdown.ts closes
 * the database on exit and bounds the wait.
 */
import http from "node:http";
import path from "node:path";
import nextEnv from "@next/env";
import next from "next";
import { createResponseCache } from "./response-cache.mjs";
import { RESPONSE_CACHE_KEY } from "./response-cache-key.mjs";
import { FAST_ROUTES_KEY } from "./fast-routes-key.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.env.NODE_ENV = "production";
// .env.production.local, .env.local, .env.production, .env (the environment wins), as `next start`
// reads them — loaded first so PORT and the cache settings can come from them too.
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
const argv = process.argv.slice(2);
const option = (/** @type {string[]} */ names) => {
  const at = argv.findIndex((a) => names.includes(a));
  return at >= 0 ? argv[at + 1] : undefined;
};
const hostname = option(["--hostname", "-H"]) ?? process.env.HOSTNAME ?? "0.0.0.0";
const port = Number(option(["--port", "-p"]) ?? process.env.PORT ?? 3000);
const ttlSeconds = Number(process.env.RESPONSE_CACHE_TTL ?? 10);
const cacheMb = Number(process.env.RESPONSE_CACHE_MB ?? 64);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${port}`);
  process.exit(1);
}
// Same variable `next start` sets; the scheduler (lib/scheduler.ts) reads it to reach this server.
process.env.PORT = String(port);

const app = next({ dev: false, dir: root, hostname, port });
const nextHandler = app.getRequestHandler();

const cache =
  Number.isFinite(ttlSeconds) && ttlSeconds > 0
    ? createResponseCache({ maxTtlMs: ttlSeconds * 1000, maxBytes: Math.max(1, cacheMb) * 1024 * 1024 })
    : null;
if (cache) /** @type {any} */ (globalThis)[RESPONSE_CACHE_KEY] = cache;

await app.prepare();

let closing = false;
const server = http.createServer((req, res) => {
  if (closing) {
    // Shutting down: no further requests on this connection, and let it go once answered.
    res.shouldKeepAlive = false;
    res.once("finish", () => server.closeIdleConnections());
  }
  let fast;
  try {
    fast = /** @type {any} */ (globalThis)[FAST_ROUTES_KEY]?.(req.method, req.url, req.headers);
  } catch (error) {
    console.error("in-process route failed; passing the request to Next", req.method, req.url, error);
  }
  if (fast) {
    res.writeHead(fast.status, fast.headers);
    res.end(fast.body ?? undefined);
    return;
  }
  const handled = cache ? cache.handle(req, res, nextHandler) : nextHandler(req, res);
  Promise.resolve(handled).catch((error) => {
    console.error("request failed", req.method, req.url, error);
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("Internal server error.\n");
    } else res.destroy();
  });
});
// A reverse proxy keeps upstream connections open (deploy/nginx.conf: keepalive): outlive its idle timeout.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
  console.log(
    `▲ Dateline ready on http://${shown}:${port}` +
      (cache ? ` (response cache: ${ttlSeconds} s, ${cacheMb} MB)` : " (response cache off)"),
  );
});

for (const [signal, code] of /** @type {const} */ ([
  ["SIGTERM", 143],
  ["SIGINT", 130],
])) {
  process.once(signal, () => {
    closing = true;
    server.close(() => process.exit(code));
    server.closeIdleConnections();
  });
}
