/**
 * What a reader downloads: the page's HTML as transferred (gzip when the server compresses) and
 * every script the page loads, fetched and measured the same way.
 */
import http from "node:http";
import zlib from "node:zlib";

export type Fetched = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; body: Buffer };

/** GET with `accept-encoding: gzip`; `raw` is the bytes on the wire, `body` the decoded ones. */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        let body = raw;
        if (encoding === "gzip") body = zlib.gunzipSync(raw);
        else if (encoding === "br") body = zlib.brotliDecompressSync(raw);
        else if (encoding === "deflate") body = zlib.inflateSync(raw);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
  });
}

export type ScriptInfo = { src: string; bytes: number; gzipBytes: number; served: string };
export type PageWeight = {
  page: string;
  path: string;
  status: number;
  contentType: string;
  cacheControl: string;
  nextCache: string;
  htmlBytes: number;
  /** Bytes on the wire as served (gzip if the server compressed it). */
  htmlTransferBytes: number;
  /** gzip -6 of the HTML, comparable whether or not the server compressed. */
  htmlGzipBytes: number;
  contentEncoding: string;
  /** As the production server (npm start) sends it to a browser that accepts brotli. */
  htmlBrBytes?: number;
  inlineScriptBytes: number;
  scripts: ScriptInfo[];
  jsBytes: number;
  jsGzipBytes: number;
};

const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i");
const attr = (tag: string, name: string) => {
  const m = ATTR(name).exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? "").replace(/&amp;/g, "&") : undefined;
};

/** External scripts (`<script src>` and `<link rel=preload|modulepreload as=script>`) and inline script bytes. */
export function scriptsIn(html: string): { srcs: string[]; inlineBytes: number } {
  const srcs = new Set<string>();
  let inlineBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(`<x ${m[1]}>`, "src");
    const type = attr(`<x ${m[1]}>`, "type");
    if (src) srcs.add(src);
    else if (!type || /javascript|module/i.test(type)) inlineBytes += Buffer.byteLength(m[2]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], "rel") ?? "";
    const as = attr(m[0], "as") ?? "";
    const href = attr(m[0], "href");
    if (href && (rel === "modulepreload" || (rel === "preload" && as === "script"))) srcs.add(href);
  }
  return { srcs: [...srcs], inlineBytes };
}

export async function measurePage(base: string, page: string, path: string): Promise<PageWeight> {
  const res = await getRaw(new URL(path, base).href);
  const html = res.body.toString("utf8");
  const { srcs, inlineBytes } = scriptsIn(html);
  const scripts: ScriptInfo[] = [];
  for (const src of srcs) {
    const url = new URL(src, base);
    if (url.origin !== new URL(base).origin) {
      scripts.push({ src, bytes: 0, gzipBytes: 0, served: "external (not fetched)" });
      continue;
    }
    const js = await getRaw(url.href);
    scripts.push({
      src: url.pathname,
      bytes: js.body.length,
      gzipBytes: js.headers["content-encoding"] === "gzip" ? js.raw.length : zlib.gzipSync(js.body).length,
      served: js.headers["content-encoding"] ?? "identity",
    });
  }
  return {
    page,
    path,
    status: res.status,
    contentType: String(res.headers["content-type"] ?? ""),
    cacheControl: String(res.headers["cache-control"] ?? ""),
    nextCache: String(res.headers["x-nextjs-cache"] ?? res.headers["x-nextjs-prerender"] ?? ""),
    htmlBytes: res.body.length,
    htmlTransferBytes: res.raw.length,
    htmlGzipBytes: zlib.gzipSync(res.body, { level: 6 }).length,
    contentEncoding: String(res.headers["content-encoding"] ?? "identity"),
    inlineScriptBytes: inlineBytes,
    scripts,
    jsBytes: scripts.reduce((s, x) => s + x.bytes, 0),
    jsGzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0),
  };
}

/** Scripts every measured page loads (the framework runtime) and, per page, what comes on top. */
export function splitShared(weights: PageWeight[]): { shared: string[]; sharedGzipBytes: number; extra: Record<string, number> } {
  const ok = weights.filter((w) => w.status === 200 && w.contentType.includes("text/html"));
  const sets = ok.map((w) => new Set(w.scripts.map((s) => s.src)));
  const shared = sets.length ? [...sets[0]].filter((src) => sets.every((s) => s.has(src))) : [];
  const sharedSet = new Set(shared);
  const sharedGzipBytes = ok[0]?.scripts.filter((s) => sharedSet.has(s.src)).reduce((n, s) => n + s.gzipBytes, 0) ?? 0;
  const extra: Record<string, number> = {};
  for (const w of ok) extra[w.page] = w.scripts.filter((s) => !sharedSet.has(s.src)).reduce((n, s) => n + s.gzipBytes, 0);
  return { shared, sharedGzipBytes, extra };
}
