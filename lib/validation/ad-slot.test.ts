import { describe, expect, it } from "vitest";
import { adSlotSchema, isValidAdKey, windowEdgeInput, type AdSlotInput } from "./ad-slot";

const image: AdSlotInput = {
  key: "YYYYYYYYYY",
  name: "Leaderboard",
  placement: "article-after-body",
  width: "728",
  height: "90",
  creativeType: "image",
  imageUrl: "https://cdn.example.com/ad.png",
  linkUrl: "https://example.com/landing",
  altText: "Try the thing",
  active: "on",
};

function errorsOf(input: AdSlotInput): Record<string, string[]> {
  const r = adSlotSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

describe("ad slot keys", () => {
  it.each(["YYYYYYYYYY", "A", "TOP_728X90", "FRONT-1", "0", "X".repeat(64)])("accepts %j", (key) => {
    expect(isValidAdKey(key)).toBe(true);
    expect(errorsOf({ ...image, key })).toEqual({});
  });
  it.each(["", "lower", "Mixed", "WITH SPACE", "DOT.KEY", "ÜMLAUT", "X".repeat(65), "<SCRIPT>", "A/B"])("rejects %j", (key) => {
    expect(isValidAdKey(key)).toBe(false);
    expect(errorsOf({ ...image, key }).key?.length).toBeGreaterThan(0);
  });
});

describe("adSlotSchema", () => {
  it("parses an image slot and keeps only the image fields", () => {
    const r = adSlotSchema.parse({ ...image, html: "<script>x</script>", placementIndex: "4", tags: "Russia, Sanctions, Russia" });
    expect(r).toMatchObject({ width: 728, height: 90, active: true, html: null, placementIndex: null, tags: ["Russia", "Sanctions"] });
  });

  it("accepts an uploaded image path but only http(s) for links and external images", () => {
    expect(errorsOf({ ...image, imageUrl: "/ads/uploads/abc.png" })).toEqual({});
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/x.png", "ftp://x.example/a.png"]) {
      expect(errorsOf({ ...image, imageUrl: bad }).imageUrl).toBeDefined();
    }
    for (const bad of ["javascript:alert(1)", "/relative", "mailto:a@b.c", "example.com"]) {
      expect(errorsOf({ ...image, linkUrl: bad }).linkUrl).toBeDefined();
    }
  });

  it("needs image, link and alt text for an image creative, and code for an HTML one", () => {
    expect(Object.keys(errorsOf({ ...image, imageUrl: "", linkUrl: "", altText: "" })).sort()).toEqual(["altText", "imageUrl", "linkUrl"]);
    expect(errorsOf({ ...image, creativeType: "html", html: "  " }).html).toBeDefined();
    const html = adSlotSchema.parse({ ...image, creativeType: "html", html: "<div>ad</div>" });
    expect(html).toMatchObject({ imageUrl: null, linkUrl: null, altText: "", html: "<div>ad</div>" });
  });

  it("bounds sizes to 1–2000 whole pixels", () => {
    expect(errorsOf({ ...image, width: "0" }).width).toBeDefined();
    expect(errorsOf({ ...image, height: "2001" }).height).toBeDefined();
    expect(errorsOf({ ...image, width: "12.5" }).width).toBeDefined();
    expect(errorsOf({ ...image, width: "2000", height: "1" })).toEqual({});
  });

  it("needs a position for inline and list placements", () => {
    expect(errorsOf({ ...image, placement: "article-inline" }).placementIndex).toBeDefined();
    expect(errorsOf({ ...image, placement: "front-list", placementIndex: "0" }).placementIndex).toBeDefined();
    expect(adSlotSchema.parse({ ...image, placement: "article-inline", placementIndex: "3" }).placementIndex).toBe(3);
    expect(errorsOf({ ...image, placement: "sidebar-left" as never }).placement).toBeDefined();
  });

  it("reads the window as UTC when no zone is given and needs the end after the start", () => {
    const r = adSlotSchema.parse({ ...image, startsAt: "2025-07-11T09:30", endsAt: "2025-07-12T00:00" });
    expect(r.startsAt?.toISOString()).toBe("2025-07-11T09:30:00.000Z");
    expect(errorsOf({ ...image, startsAt: "2025-07-11T09:30", endsAt: "2025-07-11T09:30" }).endsAt).toBeDefined();
    expect(errorsOf({ ...image, startsAt: "2025-02-31T00:00" }).startsAt).toBeDefined();
    expect(errorsOf({ ...image, startsAt: "tomorrow" }).startsAt).toBeDefined();
    expect(adSlotSchema.parse({ ...image, active: undefined }).active).toBe(false);
  });
});

describe("ad slot window in the editor's zone", () => {
  const window = (timeZone: string, startsAt: string, endsAt = "") => ({ ...image, timeZone, startsAt, endsAt });

  it("stores the UTC instants of the wall times typed, and shows them back the same", () => {
    const r = adSlotSchema.parse(window("America/New_York", "2025-07-11T09:00", "2025-12-01T17:30"));
    expect(r.startsAt?.toISOString()).toBe("2025-07-11T13:00:00.000Z"); // EDT, UTC−4
    expect(r.endsAt?.toISOString()).toBe("2025-12-01T22:30:00.000Z"); // EST, UTC−5
    expect(windowEdgeInput(r.startsAt, "America/New_York")).toBe("2025-07-11T09:00");
    expect(windowEdgeInput(r.endsAt, "America/New_York")).toBe("2025-12-01T17:30");
    expect(windowEdgeInput(null, "America/New_York")).toBe("");
  });

  it("handles a half-hour offset", () => {
    const r = adSlotSchema.parse(window("Asia/Kolkata", "2025-07-11T09:00", "2025-07-11T09:30"));
    expect(r.startsAt?.toISOString()).toBe("2025-07-11T03:30:00.000Z");
    expect(r.endsAt?.toISOString()).toBe("2025-07-11T04:00:00.000Z");
    expect(windowEdgeInput(r.startsAt, "Asia/Kolkata")).toBe("2025-07-11T09:00");
  });

  it("refuses a wall time the clocks skip, beside its field, naming the zone", () => {
    const errors = errorsOf(window("America/New_York", "2025-03-09T02:30", "2025-03-09T02:00"));
    expect(errors.startsAt).toEqual([
      "02:30 on 2025-03-09 does not exist in America/New_York: the clocks go forward then. Choose 03:30 or another time.",
    ]);
    expect(errors.endsAt?.[0]).toMatch(/^02:00 on 2025-03-09 does not exist in America\/New_York/);
    expect(Object.keys(errors).sort()).toEqual(["endsAt", "startsAt"]);
    // The same wall time is fine where the clocks do not change that night.
    expect(errorsOf(window("Asia/Kolkata", "2025-03-09T02:30"))).toEqual({});
  });

  it("needs the end after the start in the zone too", () => {
    expect(errorsOf(window("Asia/Kolkata", "2025-07-11T09:00", "2025-07-11T08:59")).endsAt).toEqual(["The end must be after the start."]);
    expect(errorsOf(window("Asia/Kolkata", "2025-07-11T09:00", "2025-07-11T09:00")).endsAt).toEqual(["The end must be after the start."]);
  });

  it("reads an unknown or forged zone as UTC instead of failing", () => {
    expect(adSlotSchema.parse(window("Nowhere/Land", "2025-07-11T09:00")).startsAt?.toISOString()).toBe("2025-07-11T09:00:00.000Z");
    expect(adSlotSchema.parse(window("x".repeat(500), "2025-07-11T09:00")).startsAt?.toISOString()).toBe("2025-07-11T09:00:00.000Z");
    expect(errorsOf(window("Europe/Paris", "1999-12-31T23:00")).startsAt).toBeDefined();
    expect(errorsOf(window("Europe/Paris", "2025-07-11T09:00".padEnd(60, "0"))).startsAt).toBeDefined();
  });
});

describe("placement list", () => {
  it("offers exactly the schema's placements", async () => {
    const { AD_PLACEMENTS } = await import("@/db/schema");
    const { PLACEMENT_VALUES } = await import("./ad-slot");
    expect([...PLACEMENT_VALUES].sort()).toEqual([...AD_PLACEMENTS].sort());
  });
});
