import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import { adStats, tags } from "@/db/schema";
import { createImpressionCounter } from "@/lib/ads/impressions";
import { resolveAds } from "@/lib/ads/placement";
import {
  createAdSlot,
  findTargetTags,
  getAdSlotById,
  getAdSlotCounts,
  listAdSlotsWithStats,
  listPublicSlotsForPlacement,
  recordAdClick,
  setAdSlotActive,
  updateAdSlot,
  type AdSlotFields,
} from "./ad-slots";

const base: AdSlotFields = {
  key: "YYYYYYYYYY",
  name: "Leaderboard",
  placement: "article-after-body",
  placementIndex: null,
  width: 728,
  height: 90,
  creativeType: "image",
  imageUrl: "/ads/house-leaderboard.svg",
  linkUrl: "https://example.com/subscribe",
  altText: "Subscribe",
  html: null,
  active: true,
  startsAt: null,
  endsAt: null,
};

let russia: number;
let science: number;

beforeAll(() => {
  runMigrations();
  russia = db.insert(tags).values({ name: "Russia", slug: "russia" }).returning().get().id;
  science = db.insert(tags).values({ name: "Women's Rights", slug: "womens-rights" }).returning().get().id;
});

describe("ad slot writes", () => {
  it("creates a slot with targeting and refuses a duplicate key without storing anything", async () => {
    const created = await createAdSlot(base, [russia, russia]);
    expect(created).toMatchObject({ ok: true, placements: ["article-after-body"] });
    const dup = await createAdSlot({ ...base, name: "Other" }, [science]);
    expect(dup).toEqual({ ok: false, reason: "duplicate-key" });
    const list = await listAdSlotsWithStats();
    expect(list.map((s) => s.name)).toEqual(["Leaderboard"]);
  });

  it("updates a slot, reporting old and new placement, and replaces its targeting", async () => {
    const id = (await createAdSlot({ ...base, key: "MOVE_ME" }, [russia])) as { id: number };
    const before = (await getAdSlotById(id.id))!;
    const result = await updateAdSlot(id.id, { ...base, key: "MOVE_ME", placement: "sidebar" }, [science], before.updatedAt);
    expect(result).toEqual({ ok: true, id: id.id, placements: ["article-after-body", "sidebar"] });
    const after = (await getAdSlotById(id.id))!;
    expect(after.tagNames).toEqual(["Women's Rights"]);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await updateAdSlot(id.id, { ...base, key: "YYYYYYYYYY" }, [])).toEqual({ ok: false, reason: "duplicate-key" });
    expect(await updateAdSlot(99_999, base, [])).toEqual({ ok: false, reason: "not-found" });
  });

  it("finds targeting tags by name, whatever the case, and names the unknown ones", async () => {
    expect(await findTargetTags(["RUSSIA", "women's rights", "Atlantis"])).toEqual({
      found: expect.arrayContaining([
        { id: russia, name: "Russia" },
        { id: science, name: "Women's Rights" },
      ]),
      missing: ["Atlantis"],
    });
  });
});

describe("public reads", () => {
  it("lists active slots not yet ended, with their targeting, and the page resolves the live ones", async () => {
    const now = new Date("2025-07-11T12:00:00Z");
    await createAdSlot({ ...base, key: "OFF", active: false }, []);
    await createAdSlot({ ...base, key: "ENDED", endsAt: new Date("2025-07-11T11:00:00Z") }, []);
    await createAdSlot({ ...base, key: "SOON", startsAt: new Date("2025-07-11T13:00:00Z") }, []);
    const slots = await listPublicSlotsForPlacement("article-after-body", now);
    expect(slots.map((s) => s.key).sort()).toEqual(["SOON", "YYYYYYYYYY"]);
    expect(slots.find((s) => s.key === "YYYYYYYYYY")?.tagIds).toEqual([russia]);
    expect(JSON.parse(JSON.stringify(slots))).toEqual(slots); // survives the data cache
    const onRussia = resolveAds(slots, { kind: "article", tagIds: [russia] }, now);
    expect(onRussia.at("article-after-body").map((s) => s.key)).toEqual(["YYYYYYYYYY"]);
    const later = resolveAds(slots, { kind: "article", tagIds: [] }, new Date("2025-07-11T13:00:00Z"));
    expect(later.at("article-after-body").map((s) => s.key)).toEqual(["SOON"]);
  });

  it("a deactivated slot leaves the public list", async () => {
    const { id } = (await createAdSlot({ ...base, key: "TOGGLE", placement: "tag-top" }, [])) as { id: number };
    expect((await listPublicSlotsForPlacement("tag-top")).map((s) => s.key)).toEqual(["TOGGLE"]);
    expect(await setAdSlotActive(id, false)).toBe("tag-top");
    expect(await listPublicSlotsForPlacement("tag-top")).toEqual([]);
    expect(await setAdSlotActive(123_456, true)).toBeNull();
  });
});

describe("counting", () => {
  it("counts impressions and clicks in daily buckets and sums the last 7 and 30 days", async () => {
    const { id } = (await createAdSlot({ ...base, key: "COUNTED" }, [])) as { id: number };
    const today = new Date("2025-07-11T10:00:00Z");
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
    const impressions = createImpressionCounter({ flushEveryMs: 0 });
    for (const day of [today, today, daysAgo(6), daysAgo(7), daysAgo(30)]) expect(impressions.record("COUNTED", day)).toBe(true);
    impressions.flush();
    expect(await recordAdClick("COUNTED", today)).toBe("https://example.com/subscribe");
    expect(await recordAdClick("COUNTED", daysAgo(29))).toBe("https://example.com/subscribe");
    expect(impressions.record("NO_SUCH_KEY", today)).toBe(false);
    expect(await recordAdClick("NO_SUCH_KEY", today)).toBeNull();

    const rows = db.select().from(adStats).all().filter((r) => r.slotId === id);
    expect(rows.find((r) => r.day === "2025-07-11")).toMatchObject({ impressions: 2, clicks: 1 });

    const expected = { impressions7: 3, clicks7: 1, impressions30: 4, clicks30: 2 };
    expect(await getAdSlotCounts(id, today)).toEqual(expected);
    const listed = (await listAdSlotsWithStats(today)).find((s) => s.id === id);
    expect(listed).toMatchObject(expected);
  });

  it("does not redirect clicks on an HTML creative", async () => {
    await createAdSlot({ ...base, key: "HTML_AD", creativeType: "html", imageUrl: null, linkUrl: null, html: "<p>x</p>" }, []);
    expect(await recordAdClick("HTML_AD")).toBeNull();
  });
});

describe("write hooks", () => {
  it("run inside the write's transaction: a failing hook leaves nothing behind", async () => {
    const seen: { id: number; key: string }[] = [];
    const ok = await createAdSlot({ ...base, key: "HOOKED" }, [russia], new Date(), (_tx, slot) => seen.push(slot));
    expect(ok.ok && seen).toEqual([{ id: (ok as { id: number }).id, key: "HOOKED" }]);
    await expect(
      createAdSlot({ ...base, key: "ROLLED_BACK" }, [russia], new Date(), () => {
        throw new Error("audit failed");
      }),
    ).rejects.toThrow("audit failed");
    expect((await listAdSlotsWithStats()).some((s) => s.key === "ROLLED_BACK")).toBe(false);
    const id = (ok as { id: number }).id;
    await expect(
      setAdSlotActive(id, false, new Date(), () => {
        throw new Error("audit failed");
      }),
    ).rejects.toThrow();
    expect((await getAdSlotById(id))?.active).toBe(true);
  });
});
