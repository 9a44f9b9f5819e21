// @ts-check
/**
 * An in-process cache of whole responses in front of Next's request handler: the production
 * server answers repeat requests for a cached public page from memory, without going through
 * Next's routing, rendering pipeline, compression and ETag hashing each time.
 *
 * What it stores: 200 answers to plain GETs that a shared cache may keep according to their own
 * Cache-Control (http-cache-semantics decides: `s-maxage`/`public`, never `private`/`no-store`,
 * never with Set-Cookie), for the shorter of their freshness and `maxTtlMs`. Reader pages and
 * feeds qualify; the admin, sign-in, search and every action never do (they are `private`/`no-store`).
 * Requests that Next answers differently — client-router (RSC) fetches and prefetches, server
 * actions, Range and authorised requests — always go to Next.
 *
 * Freshness: every editor change that expires Next's cache (lib/revalidate.ts) also empties this
 * one in the same process, so the next reader gets the new page, exactly as without it. A fill
 * that started before such a change is dropped rather than stored.
 *
 * Each entry keeps an identity, a gzip and a brotli copy (compressible types only), compressed
 * once when stored; a reader gets the best encoding its Accept-Encoding allows.
 */
import zlib from "node:zlib";
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";

/** Requests Next answers with something other than the page's HTML, or per client. */
const BYPASS_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
  "authorization",
  "range",
];
/** The only Vary axes a stored response may have: the bypassed headers above and the encoding. */
const KNOWN_VARY = new Set([...BYPASS_HEADERS, "accept-encoding"]);
/** Not replayed from a stored response: connection-level, or set per answer. */
const PER_ANSWER_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "age",
]);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)|\+(xml|json)\b/i;

/**
 * @typedef {{ identity: Buffer, gzip?: Buffer, br?: Buffer }} Bodies
 * @typedef {{ status: number, headers: Record<string, string | string[]>, etag?: string,
 *   bodies: Bodies, storedAt: number, size: number }} Entry
 * @typedef {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} Handler
 */

/** q-values of the Accept-Encoding header; encodings given q=0 are refused. */
function acceptedEncodings(header) {
  const accepted = new Set();
  if (!header) return accepted;
  for (const part of String(header).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name) accepted.add(name);
  }
  return accepted;
}

/** Whether an If-None-Match header names the stored entity tag (weak comparison, RFC 9110). */
function etagMatches(ifNoneMatch, etag) {
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Headers passed to writeHead() as an object or as a flat/nested array, lower-cased. */
function headersFromWriteHead(headers) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  if (!headers) return out;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]));
    for (const [name, value] of pairs) out[String(name).toLowerCase()] = value;
  } else {
    for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  }
  return out;
}

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number, maxTtlMs?: number }} [options]
 */
export function createResponseCache(options = {}) {
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
  const maxTtlMs = options.maxTtlMs ?? 10_000;
  /** @type {LRUCache<string, Entry>} */
  const entries = new LRUCache({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.size,
    ttl: maxTtlMs,
  });
  // Bumped by clear(): a response whose rendering started before a clear is not stored.
  let generation = 0;
  const stats = { hits: 0, misses: 0, stored: 0, clears: 0 };

  function keyFor(req) {
    const proto = req.headers["x-forwarded-proto"] ?? "";
    return `${proto}|${req.headers.host ?? ""}|${req.url}`;
  }

  function bypasses(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return true;
    for (const name of BYPASS_HEADERS) if (req.headers[name] !== undefined) return true;
    return false;
  }

  /** @param {Entry} entry */
  function answer(entry, req, res) {
    /** @type {Record<string, string | string[] | number>} */
    const headers = { ...entry.headers, age: String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))) };
    const ifNoneMatch = req.headers["if-none-match"];
    if (entry.etag && typeof ifNoneMatch === "string" && etagMatches(ifNoneMatch, entry.etag)) {
      delete headers["content-type"];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    let body = entry.bodies.identity;
    if (entry.bodies.br && accepted.has("br")) {
      body = entry.bodies.br;
      headers["content-encoding"] = "br";
    } else if (entry.bodies.gzip && (accepted.has("gzip") || accepted.has("*"))) {
      body = entry.bodies.gzip;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** Tees what Next writes and stores it once the response is complete, if it may be kept. */
  function capture(req, res, key) {
    const startedIn = generation;
    /** @type {Buffer[]} */
    let chunks = [];
    let bytes = 0;
    // Set once the response can no longer be kept (too big, or its status or headers rule it
    // out): from then on nothing is buffered, so private pages and media streams pass untouched.
    let skip = false;
    let checkedHead = false;
    /** @type {Record<string, string | string[]>} */
    let headHeaders = {};
    const collect = (chunk, encoding) => {
      if (skip || chunk == null || typeof chunk === "function") return;
      if (!checkedHead) {
        checkedHead = true;
        const cacheControl = String(headHeaders["cache-control"] ?? res.getHeader("cache-control") ?? "");
        const cookie = headHeaders["set-cookie"] ?? res.getHeader("set-cookie");
        if (res.statusCode !== 200 || cookie !== undefined || !/s-maxage|public|max-age/i.test(cacheControl) || /private|no-store/i.test(cacheControl)) {
          skip = true;
          return;
        }
      }
      const buffer = toBuffer(chunk, encoding);
      bytes += buffer.length;
      if (bytes > maxEntryBytes) {
        skip = true;
        chunks = [];
      } else chunks.push(buffer);
    };
    const { write, end, writeHead } = res;
    res.writeHead = /** @type {any} */ (
      function (status, reason, headers) {
        headHeaders = headersFromWriteHead(typeof reason === "string" ? headers : reason);
        return writeHead.apply(this, /** @type {any} */ (arguments));
      }
    );
    res.write = /** @type {any} */ (
      function (chunk, encoding) {
        collect(chunk, encoding);
        return write.apply(this, /** @type {any} */ (arguments));
      }
    );
    res.end = /** @type {any} */ (
      function (chunk, encoding) {
        collect(chunk, encoding);
        return end.apply(this, /** @type {any} */ (arguments));
      }
    );
    res.once("finish", () => {
      if (skip || startedIn !== generation || res.statusCode !== 200) return;
      try {
        const entry = entryFrom(req, res.statusCode, { ...lowerCased(res.getHeaders()), ...headHeaders }, Buffer.concat(chunks));
        if (!entry) return;
        entries.set(key, entry.value, { ttl: entry.ttlMs });
        stats.stored++;
      } catch (error) {
        // A response that cannot be read back (e.g. a corrupt compressed body) is simply not kept.
        console.error("response cache: not storing", req.url, error);
      }
    });
  }

  /** @returns {{ value: Entry, ttlMs: number } | null} */
  function entryFrom(req, status, headers, body) {
    if (headers["set-cookie"] !== undefined) return null;
    // Next is already rendering a newer copy: the next request gets that one instead.
    if (String(headers["x-nextjs-cache"]).toUpperCase() === "STALE") return null;
    const vary = String(headers.vary ?? "")
      .split(",")
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    if (vary.some((name) => !KNOWN_VARY.has(name))) return null;
    const policy = new CachePolicy(
      { method: "GET", url: req.url, headers: req.headers },
      { status, headers: /** @type {Record<string, string>} */ (headers) },
      { shared: true },
    );
    if (!policy.storable()) return null;
    const ttlMs = Math.min(maxTtlMs, Math.round((policy.maxAge() - policy.age()) * 1000));
    if (ttlMs <= 0) return null;

    const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
    /** @type {Bodies} */
    let bodies;
    if (encoding === "identity") bodies = { identity: body };
    else if (encoding === "gzip") bodies = { identity: zlib.gunzipSync(body) };
    else return null;
    if (COMPRESSIBLE.test(String(headers["content-type"] ?? "")) && bodies.identity.length > 0) {
      // Compressed once per stored copy and then sent many times: the strongest gzip level is
      // worth its fraction of a millisecond (Next's own gzip, if that is what came, is level 6).
      bodies.gzip = zlib.gzipSync(bodies.identity, { level: 9 });
      bodies.br = zlib.brotliCompressSync(bodies.identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bodies.identity.length,
        },
      });
      if (!vary.includes("accept-encoding")) vary.push("accept-encoding");
    }
    /** @type {Record<string, string | string[]>} */
    const kept = {};
    for (const [name, value] of Object.entries(headers)) if (!PER_ANSWER_HEADERS.has(name)) kept[name] = value;
    // Replays are cache hits, whatever Next's cache did for the first of them.
    if (kept["x-nextjs-cache"] !== undefined) kept["x-nextjs-cache"] = "HIT";
    if (vary.length) kept.vary = vary.join(", ");
    const size = bodies.identity.length + (bodies.gzip?.length ?? 0) + (bodies.br?.length ?? 0) + 1024;
    const etag = typeof headers.etag === "string" ? headers.etag : undefined;
    return { value: { status, headers: kept, etag, bodies, storedAt: Date.now(), size }, ttlMs };
  }

  return {
    stats,
    /** Empties the cache; responses being rendered right now will not be stored either. */
    clear() {
      generation++;
      stats.clears++;
      entries.clear();
    },
    /**
     * Answers from the cache, or passes the request to `next` and keeps its response if allowed.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {Handler} next
     */
    handle(req, res, next) {
      if (bypasses(req)) return next(req, res);
      const key = keyFor(req);
      const entry = entries.get(key);
      if (entry) {
        stats.hits++;
        return answer(entry, req, res);
      }
      stats.misses++;
      if (req.method === "GET") capture(req, res, key);
      return next(req, res);
    },
  };
}

function lowerCased(headers) {
  /** @type {Record<string, string | string[]>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value : String(value);
  }
  return out;
}
