/**
 * Next's own page and data cache (the file-system cache with its in-memory copy), with one
 * change: a copy is dated from when the read that led to it missed, not from when it was stored.
 *
 * Next judges a copy against expired cache tags by its date: `revalidateTag(tag, { expire: 0 })`
 * at T drops every copy dated before T. A render that began before T (reading the database as it
 * was) and finished after it used to be dated after T, so it was kept as fresh: after an
 * unpublish, a front page that a reader's request had started rendering a moment earlier could go
 * on listing the article until its next revalidation. Dated from the start of its render, that copy
 * is expired as soon as it is stored, and the next reader gets a fresh render.
 *
 * A render starts after a read that found no copy, or one past its revalidation time (Next then
 * renders in the background); the first such read since the key was last stored dates the next
 * copy, in memory and on disk (Next dates a copy it reads back from disk, once evicted from
 * memory, by its file's modification time).
 *
 * Configured as `cacheHandler` in next.config.ts. It extends Next's internal FileSystemCache
 * (next 16.4): everything else — storage, tags, build seeds — is Next's.
 */
"use strict";

const fs = require("node:fs/promises");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/** A read older than this is not taken as the start of a render still running. */
const MAX_RENDER_MS = 60_000;
/**
 * Keys read but never stored (a render that failed, or was not cacheable) are pruned past this
 * many; if all are recent, the oldest go (their copies are then dated when stored, as Next does).
 */
const PRUNE_AT = 2_000;

/** The file whose modification time Next takes as a stored copy's date, per kind of copy. */
const DATED_FILE = {
  APP_PAGE: (key) => [`${key}.html`, "APP_PAGE"],
  PAGES: (key) => [`${key}.html`, "PAGES"],
  APP_ROUTE: (key) => [`${key}.body`, "APP_ROUTE"],
  FETCH: (key) => [key, "FETCH"],
};

/** key → when the first read that will lead to a new copy of it happened (ms since the epoch). */
const renderStarts = new Map();

function prune(now) {
  for (const [key, at] of renderStarts) if (now - at > MAX_RENDER_MS) renderStarts.delete(key);
  // A Map iterates in insertion order: the first keys are the oldest reads.
  for (const key of renderStarts.keys()) {
    if (renderStarts.size < PRUNE_AT / 2) break;
    renderStarts.delete(key);
  }
}

/** Whether Next will render this copy again in the background when it is served (stale by time). */
function pastRevalidation(data, ctx, now) {
  const value = data.value;
  const revalidate =
    value?.kind === "FETCH" ? ctx?.revalidate || value.revalidate : data.cacheControl?.revalidate;
  return typeof revalidate === "number" && revalidate > 0 && now - data.lastModified > revalidate * 1000;
}

class RenderStartCache extends FileSystemCache {
  /** How many reads are waiting for their render's copy (bounded by PRUNE_AT). */
  static pendingRenders() {
    return renderStarts.size;
  }

  async get(key, ctx) {
    const now = Date.now();
    const data = await super.get(key, ctx);
    if (!data || pastRevalidation(data, ctx, now)) {
      const earlier = renderStarts.get(key);
      // A read too old to belong to a render still running (its render failed) gives way.
      if (earlier === undefined || now - earlier > MAX_RENDER_MS) {
        if (renderStarts.size >= PRUNE_AT) prune(now);
        renderStarts.set(key, now);
      }
    }
    return data;
  }

  async set(key, data, ctx) {
    const started = renderStarts.get(key);
    renderStarts.delete(key);
    // The in-memory copy is in place when set() first yields (before the disk write): date it
    // before any other request can read it.
    const storing = super.set(key, data, ctx);
    if (started === undefined || Date.now() - started > MAX_RENDER_MS) return storing;
    // One millisecond earlier: an expiry in the same millisecond as the read counts as after it.
    const date = started - 1;
    const entry = FileSystemCache.memoryCache?.get(key);
    if (entry && entry.value === data) entry.lastModified = Math.min(entry.lastModified, date);
    await storing;
    const file = this.flushToDisk && data ? DATED_FILE[data.kind]?.(key) : undefined;
    // A copy stored meanwhile by a later render keeps its own date.
    if (!file || (FileSystemCache.memoryCache && FileSystemCache.memoryCache.get(key)?.value !== data)) return;
    const at = new Date(date);
    await fs.utimes(this.getFilePath(...file), at, at).catch(() => {});
  }
}

module.exports = RenderStartCache;
module.exports.default = RenderStartCache;
