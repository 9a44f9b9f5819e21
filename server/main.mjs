// @ts-check
/**
 * The production server (`npm start`): Next's request handler behind the in-process layer
 * (server/in-process.mjs): cached public pages are answered from memory, and requests the app
 * publishes under FAST_ROUTES_KEY (the ad impression beacon) by the app's own code, before
 * Next's router. Plain `next start` gets the same layer from instrumentation.ts; this server adds
 * the shutdown and keep-alive handling below.
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
import { cacheSettings, createInProcessServing } from "./in-process.mjs";

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
const { ttlSeconds, cacheMb } = cacheSettings(process.env);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${port}`);
  process.exit(1);
}
// Same variable `next start` sets; the scheduler (lib/scheduler.ts) reads it to reach this server.
process.env.PORT = String(port);

const app = next({ dev: false, dir: root, hostname, port });
const nextHandler = app.getRequestHandler();

// Before app.prepare(): instrumentation.ts then sees this process already serves in-process.
const { cache, serve } = createInProcessServing({ ttlSeconds, cacheMb });

await app.prepare();

let closing = false;
const server = http.createServer((req, res) => {
  if (closing) {
    // Shutting down: no further requests on this connection, and let it go once answered.
    res.shouldKeepAlive = false;
    res.once("finish", () => server.closeIdleConnections());
  }
  serve(req, res, nextHandler);
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
