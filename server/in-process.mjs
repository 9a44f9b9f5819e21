// @ts-check
/**
 * What the server process answers before Next's request handler: requests the app publishes
 * under FAST_ROUTES_KEY (the ad impression beacon), then cached public pages from the response
 * cache (server/response-cache.mjs). Everything else goes to Next.
 *
 * Two ways in, one behaviour:
 * - server/main.mjs (`npm start`) calls `serve` from its own request listener;
 * - under plain `next start`, instrumentation.ts calls `installIntoHttpServers`, which routes
 *   the requests of the process's HTTP server through `serve` before Next's listener, so a
 *   deployment that runs `next start` directly gets the same speed.
 *
 * RESPONSE_CACHE_TTL (seconds, default 10; 0 turns the cache off) and RESPONSE_CACHE_MB
 * (default 64) configure the cache.
 */
import http from "node:http";
import { FAST_ROUTES_KEY } from "./fast-routes-key.mjs";
import { createResponseCache } from "./response-cache.mjs";
import { RESPONSE_CACHE_KEY } from "./response-cache-key.mjs";

/** Set once a process serves in-process, whichever way in, so the other never adds a second layer. */
const SERVING_KEY = Symbol.for("dateline.in-process-serving");

/** @typedef {import("./response-cache.mjs").Handler} Handler */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ttlSeconds: number, cacheMb: number }}
 */
export function cacheSettings(env) {
  const ttlSeconds = Number(env.RESPONSE_CACHE_TTL ?? 10);
  const cacheMb = Number(env.RESPONSE_CACHE_MB ?? 64);
  return {
    ttlSeconds: Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : 0,
    cacheMb: Math.max(1, Number.isFinite(cacheMb) ? cacheMb : 64),
  };
}

/** Whether this process already answers requests in-process. */
export function servingInProcess() {
  return Boolean(/** @type {any} */ (globalThis)[SERVING_KEY]);
}

/**
 * Creates the response cache (published under RESPONSE_CACHE_KEY, so editors' changes empty
 * it) and returns `serve(req, res, next)`.
 * @param {{ ttlSeconds: number, cacheMb: number }} settings
 */
export function createInProcessServing({ ttlSeconds, cacheMb }) {
  const store = /** @type {any} */ (globalThis);
  store[SERVING_KEY] = true;
  const cache =
    ttlSeconds > 0 ? createResponseCache({ maxTtlMs: ttlSeconds * 1000, maxBytes: cacheMb * 1024 * 1024 }) : null;
  if (cache) store[RESPONSE_CACHE_KEY] = cache;

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {Handler} next
   */
  function serve(req, res, next) {
    let fast;
    try {
      fast = store[FAST_ROUTES_KEY]?.(req.method, req.url, req.headers);
    } catch (error) {
      console.error("in-process route failed; passing the request to Next", req.method, req.url, error);
    }
    if (fast) {
      res.writeHead(fast.status, fast.headers);
      res.end(fast.body ?? undefined);
      return;
    }
    const handled = cache ? cache.handle(req, res, next) : next(req, res);
    Promise.resolve(handled).catch((error) => {
      console.error("request failed", req.method, req.url, error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        res.end("Internal server error.\n");
      } else res.destroy();
    });
  }
  return { cache, serve };
}

/**
 * Puts `serve` in front of every HTTP server's request listeners in this process (under
 * `next start`, Next's own server is the only one). The same technique tracing agents use:
 * `http.Server.prototype.emit` sees each "request" event first.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: Handler) => void} serve
 */
export function installIntoHttpServers(serve) {
  const proto = /** @type {any} */ (http.Server.prototype);
  if (proto[SERVING_KEY]) return;
  proto[SERVING_KEY] = true;
  const emit = proto.emit;
  proto.emit = function (/** @type {string | symbol} */ event, /** @type {any[]} */ ...args) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args;
    serve(req, res, (rq, rs) => emit.call(this, "request", rq, rs));
    return true;
  };
}
