import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createResponseCache, type Handler } from "./response-cache.mjs";

type Answer = { status?: number; headers?: Record<string, string>; body?: string; chunks?: string[]; delayMs?: number };

const PAGE = "<!doctype html><title>Front</title>" + "<p>The news of the day, told plainly.</p>".repeat(200);
const PUBLIC = { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=300, stale-while-revalidate=3600", etag: '"v1"' };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A server whose "Next" answers with `answer(req)` and counts how often it was asked. */
async function start(answer: (req: http.IncomingMessage) => Answer, options?: Parameters<typeof createResponseCache>[0]) {
  const cache = createResponseCache(options);
  const calls: string[] = [];
  const next: Handler = async (req, res) => {
    calls.push(`${req.method} ${req.url}`);
    const a = answer(req);
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    for (const [name, value] of Object.entries(a.headers ?? PUBLIC)) res.setHeader(name, value);
    res.statusCode = a.status ?? 200;
    for (const chunk of a.chunks ?? []) res.write(chunk);
    res.end(a.body ?? (a.chunks ? undefined : PAGE));
  };
  const server = http.createServer((req, res) => void cache.handle(req, res, next));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Raw request (no automatic decompression) so encodings can be checked. */
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });
  return { cache, calls, get };
}

describe("response cache", () => {
  it("answers a public page from memory after the first request, in each encoding", async () => {
    const { calls, get } = await start(() => ({}));
    const first = await get("/");
    expect(first.body.toString()).toBe(PAGE);
    const gzip = await get("/", { "accept-encoding": "gzip" });
    const br = await get("/", { "accept-encoding": "gzip, deflate, br" });
    const plain = await get("/");
    expect(calls).toEqual(["GET /"]);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(PAGE);
    // Compressed once when stored, at the strongest level.
    expect(gzip.body.equals(zlib.gzipSync(PAGE, { level: 9 }))).toBe(true);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    expect(Number(plain.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
    expect(br.headers.vary).toContain("accept-encoding");
    expect(br.headers["cache-control"]).toBe(PUBLIC["cache-control"]);
    expect(br.headers.age).toBe("0");
  });

  it("honours a refused encoding (q=0)", async () => {
    const { get } = await start(() => ({}));
    await get("/");
    const res = await get("/", { "accept-encoding": "br;q=0, gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
  });

  it("keeps a response Next sent gzipped, serves it to readers without gzip too, and recompresses it", async () => {
    const gz = zlib.gzipSync(PAGE, { level: 1 });
    const cache = createResponseCache();
    let calls = 0;
    const server = http.createServer((req, res) =>
      cache.handle(req, res, (_req, r) => {
        calls++;
        r.writeHead(200, { ...PUBLIC, "content-encoding": "gzip", vary: "Accept-Encoding" });
        r.end(gz);
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await fetch(url, { headers: { "accept-encoding": "gzip" } });
    const plain = await fetch(url, { headers: { "accept-encoding": "identity" } });
    expect(calls).toBe(1);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(PAGE);
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) =>
      http
        .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(parts) }));
        })
        .on("error", reject),
    );
    expect(raw.encoding).toBe("gzip");
    expect(raw.body.equals(zlib.gzipSync(PAGE, { level: 9 }))).toBe(true);
  });

  it("captures bodies written in several chunks and headers given to writeHead", async () => {
    const { calls, get } = await start(() => ({ chunks: ["<p>one</p>", "<p>two</p>", "<p>three</p>"] }));
    await get("/chunks");
    const again = await get("/chunks");
    expect(calls).toHaveLength(1);
    expect(again.body.toString()).toBe("<p>one</p><p>two</p><p>three</p>");
  });

  it.each([
    ["private pages", { headers: { ...PUBLIC, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } }],
    ["pages without a shared lifetime", { headers: { "content-type": "text/html" } }],
    ["pages that set a cookie", { headers: { ...PUBLIC, "set-cookie": "session=1" } }],
    ["pages that vary on a cookie", { headers: { ...PUBLIC, vary: "Cookie" } }],
    ["not-found answers", { status: 404 }],
    ["redirects", { status: 301, headers: { ...PUBLIC, location: "/elsewhere" } }],
    ["stale copies Next is already replacing", { headers: { ...PUBLIC, "x-nextjs-cache": "STALE" } }],
  ] as [string, Answer][])("never keeps %s", async (_name, answer) => {
    const { calls, get } = await start(() => answer);
    await get("/x");
    await get("/x");
    expect(calls).toEqual(["GET /x", "GET /x"]);
  });

  it.each([
    ["client-router fetches", { rsc: "1" }],
    ["prefetches", { "next-router-prefetch": "1" }],
    ["server actions", { "next-action": "abc" }],
    ["range requests", { range: "bytes=0-10" }],
    ["authorised requests", { authorization: "Basic eDp5" }],
  ])("passes %s through to Next", async (_name, headers) => {
    const { calls, get } = await start(() => ({}));
    await get("/");
    await get("/", headers);
    expect(calls).toEqual(["GET /", "GET /"]);
  });

  it("passes other methods through and keeps nothing from them", async () => {
    const { calls, get } = await start(() => ({}));
    await get("/", {}, "POST");
    await get("/", {}, "POST");
    expect(calls).toEqual(["POST /", "POST /"]);
  });

  it("answers HEAD from a stored page without a body, and does not fill on HEAD", async () => {
    const { calls, get } = await start(() => ({}));
    await get("/h", {}, "HEAD");
    await get("/h");
    const head = await get("/h", {}, "HEAD");
    expect(calls).toEqual(["HEAD /h", "GET /h"]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(PAGE));
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const { get } = await start(() => ({}));
    await get("/");
    const res = await get("/", { "if-none-match": 'W/"v1"' });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect((await get("/", { "if-none-match": '"v0"' })).status).toBe(200);
  });

  it("keys on the full address, query included, and on the scheme the proxy reports", async () => {
    const { calls, get } = await start((req) => ({ body: `page ${req.url}` }));
    await get("/a?x=1");
    expect((await get("/a?x=2")).body.toString()).toBe("page /a?x=2");
    await get("/a?x=1", { "x-forwarded-proto": "https" });
    await get("/a?x=1");
    expect(calls).toEqual(["GET /a?x=1", "GET /a?x=2", "GET /a?x=1"]);
  });

  it("forgets everything on clear(), including a page that was being rendered at that moment", async () => {
    let version = 1;
    const { cache, calls, get } = await start(() => ({ body: `version ${version}`, delayMs: 50 }));
    await get("/");
    version = 2;
    cache.clear();
    expect((await get("/")).body.toString()).toBe("version 2");
    // A render that began before the change finishes after it: not stored.
    const inFlight = get("/slow");
    await new Promise((r) => setTimeout(r, 10));
    cache.clear();
    await inFlight;
    await get("/slow");
    expect(calls).toEqual(["GET /", "GET /", "GET /slow", "GET /slow"]);
    expect(cache.stats.clears).toBe(2);
  });

  it("keeps a page no longer than its own lifetime or the cap", async () => {
    const { calls, get } = await start(() => ({}), { maxTtlMs: 60 });
    await get("/");
    await get("/");
    await new Promise((r) => setTimeout(r, 120));
    await get("/");
    expect(calls).toEqual(["GET /", "GET /"]);

    const short = await start(() => ({ headers: { ...PUBLIC, "cache-control": "s-maxage=1" } }), { maxTtlMs: 60_000 });
    await short.get("/");
    await new Promise((r) => setTimeout(r, 1_100));
    await short.get("/");
    expect(short.calls).toEqual(["GET /", "GET /"]);
  });

  it("does not keep responses larger than the entry limit", async () => {
    const { calls, get } = await start(() => ({}), { maxEntryBytes: 1_000 });
    expect((await get("/")).body.toString()).toBe(PAGE);
    expect((await get("/")).body.toString()).toBe(PAGE);
    expect(calls).toHaveLength(2);
  });

  it("reports replays as cache hits", async () => {
    const { get } = await start(() => ({ headers: { ...PUBLIC, "x-nextjs-cache": "MISS" } }));
    expect((await get("/")).headers["x-nextjs-cache"]).toBe("MISS");
    expect((await get("/")).headers["x-nextjs-cache"]).toBe("HIT");
  });
});
