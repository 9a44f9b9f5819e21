import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, runMigrations, sqlite } from "@/db";
import { createAdSlot, deleteAdSlot, type AdSlotFields } from "@/db/queries/ad-slots";
import { adStats } from "@/db/schema";
import { FAST_ROUTES_KEY, type FastRoutes } from "@/server/fast-routes-key.mjs";
import { adCreativeDocument } from "./creative";
import {
  beaconAnswer,
  createImpressionCounter,
  flushImpressions,
  imageAnswer,
  impressionCounter,
  PIXEL,
  publishBeaconRoute,
} from "./impressions";

const fields: AdSlotFields = {
  key: "BEACON",
  name: "Beacon test",
  placement: "sidebar",
  placementIndex: null,
  width: 300,
  height: 250,
  creativeType: "image",
  imageUrl: "/ads/house-rectangle.svg",
  linkUrl: "https://example.com/",
  altText: "House ad",
  html: null,
  active: true,
  startsAt: null,
  endsAt: null,
};

const statsOf = (slotId: number) =>
  db
    .select()
    .from(adStats)
    .all()
    .filter((r) => r.slotId === slotId)
    .map(({ day, impressions, clicks }) => ({ day, impressions, clicks }))
    .sort((a, b) => a.day.localeCompare(b.day));

async function slot(key: string): Promise<number> {
  const created = await createAdSlot({ ...fields, key }, []);
  if (!("id" in created)) throw new Error(`could not create ${key}`);
  return created.id;
}

const day1 = new Date("2026-03-01T12:00:00Z");
const day2 = new Date("2026-03-02T00:00:01Z");

beforeAll(() => runMigrations());
afterEach(() => vi.restoreAllMocks());

describe("impression counter", () => {
  it("counts in memory and writes each slot's day once per flush, adding to what is there", async () => {
    const a = await slot("COUNT_A");
    const b = await slot("COUNT_B");
    const counter = createImpressionCounter({ flushEveryMs: 0 });
    for (let i = 0; i < 5; i++) expect(counter.record("COUNT_A", day1)).toBe(true);
    expect(counter.record("COUNT_A", day2)).toBe(true);
    expect(counter.record("COUNT_B", day1)).toBe(true);
    expect(counter.pending()).toBe(7);
    expect(statsOf(a)).toEqual([]);

    const writes = vi.spyOn(sqlite(), "transaction");
    counter.flush();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(counter.pending()).toBe(0);
    expect(statsOf(a)).toEqual([
      { day: "2026-03-01", impressions: 5, clicks: 0 },
      { day: "2026-03-02", impressions: 1, clicks: 0 },
    ]);
    expect(statsOf(b)).toEqual([{ day: "2026-03-01", impressions: 1, clicks: 0 }]);

    counter.record("COUNT_A", day1);
    counter.flush();
    counter.flush(); // nothing pending: no write
    expect(writes).toHaveBeenCalledTimes(2);
    expect(statsOf(a)[0]).toEqual({ day: "2026-03-01", impressions: 6, clicks: 0 });
  });

  it("refuses keys no slot has, and malformed ones, without counting", () => {
    const counter = createImpressionCounter({ flushEveryMs: 0 });
    expect(counter.record("NO_SUCH_SLOT")).toBe(false);
    expect(counter.record("bad key")).toBe(false);
    expect(counter.record("x".repeat(65))).toBe(false);
    expect(counter.pending()).toBe(0);
  });

  it("drops the impressions of a slot deleted before the flush", async () => {
    const gone = await slot("GONE_SOON");
    const kept = await slot("KEPT");
    const counter = createImpressionCounter({ flushEveryMs: 0 });
    counter.record("GONE_SOON", day1);
    counter.record("KEPT", day1);
    await deleteAdSlot(gone);
    counter.flush();
    expect(statsOf(gone)).toEqual([]);
    expect(statsOf(kept)).toEqual([{ day: "2026-03-01", impressions: 1, clicks: 0 }]);
  });

  it("keeps the counts when the write fails, and writes them at the next flush", async () => {
    const id = await slot("RETRIED");
    const counter = createImpressionCounter({ flushEveryMs: 0 });
    counter.record("RETRIED", day1);
    counter.record("RETRIED", day1);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    vi.spyOn(sqlite(), "transaction").mockImplementationOnce(() => {
      throw busy;
    });
    counter.flush();
    expect(counter.pending()).toBe(2);
    expect(statsOf(id)).toEqual([]);
    counter.flush();
    expect(statsOf(id)).toEqual([{ day: "2026-03-01", impressions: 2, clicks: 0 }]);
  });

  it("writes on its own once a second", async () => {
    const id = await slot("TIMED");
    vi.useFakeTimers();
    try {
      const counter = createImpressionCounter();
      counter.record("TIMED", day1);
      vi.advanceTimersByTime(999);
      expect(statsOf(id)).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(statsOf(id)).toEqual([{ day: "2026-03-01", impressions: 1, clicks: 0 }]);
      counter.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("beacon", () => {
  it("answers the pixel, never cached, for a slot, and 404 for anything else", async () => {
    const id = await slot("PIXEL_OK");
    const ok = beaconAnswer("PIXEL_OK", false);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(PIXEL);
    expect(ok.headers).toMatchObject({
      "Content-Type": "image/gif",
      "Cache-Control": "no-store, max-age=0",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
      "Content-Length": String(PIXEL.length),
    });
    expect(ok.headers).not.toHaveProperty("Strict-Transport-Security");
    expect(beaconAnswer("PIXEL_OK", true).headers).toHaveProperty("Strict-Transport-Security");
    const missing = beaconAnswer("NOT_A_SLOT", false);
    expect(missing).toMatchObject({ status: 404, body: null });
    expect(missing.headers).toMatchObject({ "Cache-Control": "no-store, max-age=0", "Content-Length": "0" });

    expect(impressionCounter().pending()).toBe(2);
    flushImpressions();
    expect(impressionCounter().pending()).toBe(0);
    expect(statsOf(id).reduce((n, r) => n + r.impressions, 0)).toBe(2);
  });

  it("is published for the production server: GET on the counters' paths only", async () => {
    await slot("FAST_1");
    publishBeaconRoute();
    const route = (globalThis as { [FAST_ROUTES_KEY]?: FastRoutes })[FAST_ROUTES_KEY]!;
    expect(route("GET", "/ads/FAST_1/impression.gif", {})).toMatchObject({ status: 200 });
    expect(route("GET", "/ads/FAST_1/impression.gif?cb=123", {})).toMatchObject({ status: 200 });
    expect(route("GET", "/ads/NOPE/impression.gif", {})).toMatchObject({ status: 404 });
    expect(route("GET", "/ads/FAST_1/impression.gif", { "x-forwarded-proto": "https" })!.headers).toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(route("GET", "/ads/FAST_1/image", {})).toMatchObject({ status: 302, headers: { Location: "/ads/house-rectangle.svg" } });
    expect(route("GET", "/ads/NOPE/image", {})).toMatchObject({ status: 404 });
    // Everything else goes on to Next: other methods, other paths, broken escapes.
    for (const [method, url] of [
      ["HEAD", "/ads/FAST_1/impression.gif"],
      ["POST", "/ads/FAST_1/impression.gif"],
      ["GET", "/ads/FAST_1/click"],
      ["GET", "/ads/FAST_1/impression.gif/x"],
      ["HEAD", "/ads/FAST_1/image"],
      ["GET", "/ads/FAST_1/image.png"],
      ["GET", "/x/ads/FAST_1/impression.gif"],
      ["GET", "/ads/%E0%A4%A/impression.gif"],
    ]) {
      expect(route(method, url, {}), `${method} ${url}`).toBeUndefined();
    }
    flushImpressions();
  });
});

describe("image ad", () => {
  it("counts each load of its picture and redirects to the image, never cached", async () => {
    const id = await slot("IMAGE_OK");
    flushImpressions();
    const answer = imageAnswer("IMAGE_OK", false);
    expect(answer).toMatchObject({ status: 302, body: null });
    expect(answer.headers).toMatchObject({
      Location: "/ads/house-rectangle.svg",
      "Cache-Control": "no-store, max-age=0",
      "Content-Length": "0",
      "X-Content-Type-Options": "nosniff",
    });
    expect(answer.headers).not.toHaveProperty("Content-Type");
    expect(imageAnswer("IMAGE_OK", true).headers).toHaveProperty("Strict-Transport-Security");
    expect(impressionCounter().pending()).toBe(2);
    flushImpressions();
    expect(statsOf(id).reduce((n, r) => n + r.impressions, 0)).toBe(2);
  });

  it("sends a Location a header can carry, and 404 for HTML slots, unknown and malformed keys", async () => {
    await createAdSlot({ ...fields, key: "IMAGE_FAR", imageUrl: "https://cdn.example.com/ads/été 1.png?size=300" }, []);
    await createAdSlot({ ...fields, key: "IMAGE_ACCENT", imageUrl: "/ads/uploads/café.png" }, []);
    await createAdSlot({ ...fields, key: "HTML_ONLY", creativeType: "html", imageUrl: null, linkUrl: null, html: "<p>ad</p>" }, []);
    expect(imageAnswer("IMAGE_FAR", false).headers.Location).toBe("https://cdn.example.com/ads/%C3%A9t%C3%A9%201.png?size=300");
    expect(imageAnswer("IMAGE_ACCENT", false).headers.Location).toBe("/ads/uploads/caf%C3%A9.png");
    for (const key of ["HTML_ONLY", "NO_SUCH_SLOT", "bad key", "x".repeat(65)]) {
      expect(imageAnswer(key, false), key).toMatchObject({ status: 404, body: null });
    }
    expect(impressionCounter().pending()).toBe(2);
    flushImpressions();
  });
});

describe("HTML creative", () => {
  it("loads its slot's pixel from its own document when live, not in the admin's preview", () => {
    const live = adCreativeDocument("<p>ad</p>", "/ads/LIVE/impression.gif");
    expect(live).toContain('<img src="/ads/LIVE/impression.gif" alt="" width="1" height="1"');
    expect(live.indexOf("<p>ad</p>")).toBeLessThan(live.indexOf("impression.gif"));
    expect(adCreativeDocument("<p>ad</p>")).not.toContain("<img");
  });
});
