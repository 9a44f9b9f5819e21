import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const require = createRequire(import.meta.url);
type Handler = {
  get(key: string, ctx: object): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
};
type HandlerClass = new (ctx: object) => Handler;
const RenderStartCache = require("./isr-cache-handler.cjs") as HandlerClass & { pendingRenders(): number };
const NextFileSystemCache = (
  require("next/dist/server/lib/incremental-cache/file-system-cache.js") as {
    default: HandlerClass & { memoryCache?: { remove(key: string): void } };
  }
).default;
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js") as { nodeFs: object };

const options = { fs: nodeFs, flushToDisk: false, serverDistDir: os.tmpdir(), maxMemoryCacheSize: 10_000_000, revalidatedTags: [] };
const tick = () => new Promise((r) => setTimeout(r, 3));
let n = 0;
const unique = (name: string) => `${name}-${process.pid}-${++n}`;

/** A page copy the way Next stores one: its cache tags travel in a header. */
function page(tag: string, html: string) {
  return {
    key: unique("/page"),
    read: { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false },
    value: { kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tag }, status: 200, postponed: undefined, segmentData: undefined },
    write: { cacheControl: { revalidate: 300, expire: 31536000 }, isRoutePPREnabled: false, isFallback: false },
  };
}

/** An unstable_cache entry (a data read under a tag). */
function data(tag: string, body: string) {
  return {
    key: unique("fetch"),
    read: { kind: "FETCH", tags: [tag], softTags: [], revalidate: 300 },
    value: { kind: "FETCH", data: { headers: {}, body, status: 200, url: "" }, revalidate: 300 },
    write: { fetchCache: true, tags: [tag], revalidate: 300 },
  };
}

/** Read (a miss: a render starts), expire the tag, then store what that render produced. */
async function renderAcrossExpiry(cache: Handler, entry: ReturnType<typeof page> | ReturnType<typeof data>, tag: string) {
  expect(await cache.get(entry.key, entry.read)).toBeNull();
  await tick();
  await cache.revalidateTag([tag]);
  await tick();
  await cache.set(entry.key, entry.value, entry.write);
  return cache.get(entry.key, entry.read);
}

describe("ISR cache handler", () => {
  it.each([
    ["a page", page],
    ["a data read", data],
  ])("drops %s whose render began before its tag expired, though stored after", async (_name, make) => {
    const tag = unique("front");
    expect(await renderAcrossExpiry(new RenderStartCache(options), make(tag, "before the unpublish"), tag)).toBeNull();
    // Next's own cache dates the copy when stored and keeps it as fresh: the race this closes.
    const plain = await renderAcrossExpiry(new NextFileSystemCache(options), make(tag, "before the unpublish"), tag);
    expect(plain?.value).toMatchObject({ kind: make === page ? "APP_PAGE" : "FETCH" });
  });

  it("keeps a copy whose render began after the expiry, and one of an unrelated tag", async () => {
    const cache = new RenderStartCache(options);
    const tag = unique("front");
    await cache.revalidateTag([tag]);
    await tick();
    const fresh = page(tag, "after the unpublish");
    expect(await cache.get(fresh.key, fresh.read)).toBeNull();
    await cache.set(fresh.key, fresh.value, fresh.write);
    expect((await cache.get(fresh.key, fresh.read))?.value).toMatchObject({ html: "after the unpublish" });

    const other = data(unique("tag:sport"), "unrelated");
    expect(await cache.get(other.key, other.read)).toBeNull();
    await cache.revalidateTag([tag]);
    await cache.set(other.key, other.value, other.write);
    expect((await cache.get(other.key, other.read))?.value).toMatchObject({ kind: "FETCH" });
  });

  it("dates a copy from the first read that missed, not from later reads while it rendered", async () => {
    const cache = new RenderStartCache(options);
    const tag = unique("front");
    const entry = page(tag, "slow render");
    await cache.get(entry.key, entry.read);
    await tick();
    await cache.revalidateTag([tag]);
    await tick();
    // Another reader asks while the first render is still running: still the first read counts.
    await cache.get(entry.key, entry.read);
    await cache.set(entry.key, entry.value, entry.write);
    expect(await cache.get(entry.key, entry.read)).toBeNull();
    // The render that follows (its read came after the expiry) is kept.
    await cache.set(entry.key, entry.value, entry.write);
    expect(await cache.get(entry.key, entry.read)).not.toBeNull();
  });

  it("dates the copy on disk too, so reading it back after eviction from memory still drops it", async () => {
    const distDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-isr-"));
    try {
      const onDisk = { ...options, flushToDisk: true, serverDistDir: path.join(distDir, "server") };
      for (const [Cache, kept] of [
        [RenderStartCache, false],
        [NextFileSystemCache, true],
      ] as const) {
        const cache = new Cache(onDisk);
        const tag = unique("front");
        const entry = page(tag, "rendered across the expiry");
        await renderAcrossExpiry(cache, entry, tag);
        expect(fs.existsSync(path.join(distDir, "server", "app", `${entry.key}.html`))).toBe(true);
        NextFileSystemCache.memoryCache!.remove(entry.key);
        const read = await cache.get(entry.key, entry.read);
        expect(read !== null, Cache.name).toBe(kept);
      }
    } finally {
      fs.rmSync(distDir, { recursive: true, force: true });
    }
  });

  it("keeps a bounded list of reads whose render never stored a copy", async () => {
    const cache = new RenderStartCache(options);
    for (let i = 0; i < 5_000; i++) await cache.get(unique("/never-stored"), page("x", "").read);
    expect(RenderStartCache.pendingRenders()).toBeLessThanOrEqual(2_000);
    // The latest reads are the ones kept: a render under way now is still dated from its start.
    const tag = unique("front");
    expect(await renderAcrossExpiry(cache, page(tag, "after many misses"), tag)).toBeNull();
  });

  it("takes a new read as the start when the one before it is too old to be a render still running", async () => {
    const cache = new RenderStartCache(options);
    const tag = unique("front");
    const entry = page(tag, "after a failed render");
    // A read two minutes ago whose render never stored anything …
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 120_000);
    await cache.get(entry.key, entry.read);
    vi.useRealTimers();
    // … then a render now that straddles an expiry: dated from its own read, so it is dropped.
    expect(await renderAcrossExpiry(cache, entry, tag)).toBeNull();
  });
});
