import type { IncomingHttpHeaders } from "node:http";
import { addAdImpressions, findAdSlotId, findAdSlotImage } from "@/db/queries/ad-slots";
import { COMMON_HEADERS, HSTS_HEADER, PUBLIC_CSP, SAME_ORIGIN_FRAMING_HEADER } from "@/lib/security/headers";
import { isValidAdKey } from "@/lib/validation/ad-slot";
import { FAST_ROUTES_KEY, type FastAnswer, type FastRoutes } from "@/server/fast-routes-key.mjs";
import { statsDay } from "./schedule";

/**
 * Ad impressions, counted in memory and written to the daily buckets once a second.
 *
 * An impression is counted by the ad's own creative as it loads (lazily, as it nears the screen):
 * an image ad's picture comes through `/ads/KEY/image`, which counts and redirects to the image;
 * an HTML creative's document loads the 1×1 `/ads/KEY/impression.gif`. Neither is ever cached,
 * so every view counts while the page that embeds the ad stays static, and the page carries no
 * pixel of its own. A page with eight ads costs eight such requests for one cached page: writing
 * each one in its own transaction made them the most expensive requests a reader made; now each
 * is a key look-up and a counter increment, and one transaction a second adds everything counted
 * since. In production they are answered before Next's request handler (`publishBeaconRoute`).
 *
 * Impressions counted in the last second before a crash (SIGKILL, power loss) are lost; a
 * normal shutdown writes them (instrumentation.ts flushes before the database closes), and the
 * admin flushes before it reads the counts, so editors always see every impression so far.
 */

export const FLUSH_INTERVAL_MS = 1_000;

/** A transparent 1×1 GIF. */
export const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** Never cached, so every view is counted, while the page that embeds it stays static. */
const BEACON_HEADERS = {
  "Content-Type": "image/gif",
  "Cache-Control": "no-store, max-age=0",
  "X-Robots-Tag": "noindex",
};

export type ImpressionCounter = {
  /** Counts one impression of the slot with this key in `now`'s bucket; false if there is no such slot. */
  record(key: string, now?: Date): boolean;
  /** Counts one impression of the slot with this id (already looked up). */
  recordSlot(slotId: number, now?: Date): void;
  /** Writes everything counted so far. */
  flush(): void;
  /** Impressions counted and not yet written. */
  pending(): number;
  /** Stops the timer; what is pending stays until the next `flush()`. */
  stop(): void;
};

export function createImpressionCounter(options: { flushEveryMs?: number } = {}): ImpressionCounter {
  let pending = new Map<string, { slotId: number; day: string; impressions: number }>();
  let total = 0;

  const add = (slotId: number, day: string, impressions: number) => {
    const bucket = `${slotId} ${day}`;
    const row = pending.get(bucket);
    if (row) row.impressions += impressions;
    else pending.set(bucket, { slotId, day, impressions });
    total += impressions;
  };

  const flush = () => {
    if (pending.size === 0) return;
    const rows = [...pending.values()];
    pending = new Map();
    total = 0;
    try {
      addAdImpressions(rows);
    } catch (error) {
      // The database was busy beyond its timeout: keep the counts for the next flush.
      for (const r of rows) add(r.slotId, r.day, r.impressions);
      console.error("writing ad impressions failed; keeping them for the next try", error);
    }
  };

  const recordSlot = (slotId: number, now = new Date()) => add(slotId, statsDay(now), 1);

  const interval = options.flushEveryMs ?? FLUSH_INTERVAL_MS;
  const timer = interval > 0 ? setInterval(flush, interval) : null;
  timer?.unref();

  return {
    record(key, now = new Date()) {
      if (!isValidAdKey(key)) return false;
      const slotId = findAdSlotId(key);
      if (slotId === undefined) return false;
      recordSlot(slotId, now);
      return true;
    },
    recordSlot,
    flush,
    pending: () => total,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

const COUNTER_KEY = Symbol.for("dateline.impression-counter");

/**
 * The process's counter. Next bundles instrumentation, route handlers and pages separately,
 * each with its own copy of this module, so the one counter lives on globalThis.
 */
export function impressionCounter(): ImpressionCounter {
  const store = globalThis as { [COUNTER_KEY]?: ImpressionCounter };
  return (store[COUNTER_KEY] ??= createImpressionCounter());
}

/** Writes pending impressions, if this process has counted any. */
export function flushImpressions(): void {
  (globalThis as { [COUNTER_KEY]?: ImpressionCounter })[COUNTER_KEY]?.flush();
}

/** The headers next.config.ts gives every public path, plus the beacon's own; built once. */
function beaconHeaders(https: boolean, length: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of [...COMMON_HEADERS, SAME_ORIGIN_FRAMING_HEADER, ...(https ? [HSTS_HEADER] : [])]) headers[h.key] = h.value;
  headers["Content-Security-Policy"] = PUBLIC_CSP;
  return { ...headers, ...BEACON_HEADERS, "Content-Length": String(length) };
}
/** The redirect to an image ad's picture: no body, so no Content-Type. */
function redirectHeaders(https: boolean): Record<string, string> {
  const { "Content-Type": _none, ...headers } = beaconHeaders(https, 0);
  return headers;
}
const ANSWERS = {
  counted: { http: beaconHeaders(false, PIXEL.length), https: beaconHeaders(true, PIXEL.length) },
  unknown: { http: beaconHeaders(false, 0), https: beaconHeaders(true, 0) },
  redirect: { http: redirectHeaders(false), https: redirectHeaders(true) },
};

/**
 * The beacon's answer: the pixel when the impression was counted, 404 for a key no slot has.
 * Both ways of serving it (the route handler and the in-process route) send the same headers.
 */
export function beaconAnswer(key: string, https: boolean): FastAnswer {
  const counted = impressionCounter().record(key);
  const headers = ANSWERS[counted ? "counted" : "unknown"][https ? "https" : "http"];
  return { status: counted ? 200 : 404, headers: { ...headers }, body: counted ? PIXEL : null };
}

/** Where an image ad's picture is, as a Location header may carry it (percent-encoded). */
function imageLocation(imageUrl: string): string | undefined {
  try {
    const url = new URL(imageUrl, "http://dateline.invalid");
    return imageUrl.startsWith("/") ? `${url.pathname}${url.search}` : url.href;
  } catch {
    return undefined;
  }
}

/**
 * An image ad's picture: counts the impression and redirects (never cached) to the image itself,
 * which the browser keeps as the image's own headers allow. 404 for a key no image slot has.
 */
export function imageAnswer(key: string, https: boolean): FastAnswer {
  const slot = isValidAdKey(key) ? findAdSlotImage(key) : undefined;
  const location = slot && imageLocation(slot.imageUrl);
  const scheme = https ? "https" : "http";
  if (!slot || !location) return { status: 404, headers: { ...ANSWERS.unknown[scheme] }, body: null };
  impressionCounter().recordSlot(slot.id);
  return { status: 302, headers: { ...ANSWERS.redirect[scheme], Location: location }, body: null };
}

const COUNTED_PATH = /^\/ads\/([^/?#]+)\/(impression\.gif|image)(?:\?|$)/;

/**
 * Lets the in-process layer (server/in-process.mjs, under `npm start` and `next start`) answer
 * `GET /ads/KEY/impression.gif` and `GET /ads/KEY/image` itself: the same counter and answers as
 * the route handlers, without a trip through Next's router.
 */
export function publishBeaconRoute(): void {
  const route: FastRoutes = (method: string, url: string, headers: IncomingHttpHeaders) => {
    if (method !== "GET") return undefined;
    const match = COUNTED_PATH.exec(url);
    if (!match) return undefined;
    let key: string;
    try {
      key = decodeURIComponent(match[1]);
    } catch {
      return undefined; // a broken escape: Next's own checks answer it
    }
    const https = headers["x-forwarded-proto"] === "https";
    return match[2] === "image" ? imageAnswer(key, https) : beaconAnswer(key, https);
  };
  (globalThis as { [FAST_ROUTES_KEY]?: FastRoutes })[FAST_ROUTES_KEY] = route;
}
