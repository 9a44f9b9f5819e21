import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations, transaction } from "@/db";
import { adSlots, articles, siteSettings } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_ARTICLES, DEMO_AUTHORS } from "@/db/seed/demo-articles";
import { REFERENCE_TAGS } from "@/db/seed/reference-article";
import { listActiveSlotsForPlacement } from "./ad-slots";
import { getAuthorById, getAuthorBySlug } from "./authors";
import { getSiteSettings } from "./settings";
import { getTagBySlug, listTagsWithCounts, listTopTags } from "./tags";

const NOW = new Date("2025-09-01T12:00:00Z");

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: "http://localhost:3000/" });
});

/** Published demo articles per tag name, computed from the seed source. */
function expectedCounts(): Map<string, number> {
  const counts = new Map<string, number>(REFERENCE_TAGS.map((t) => [t, 1]));
  for (const a of DEMO_ARTICLES.slice(0, -2)) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

describe("tags", () => {
  it("finds a tag by slug", async () => {
    expect(await getTagBySlug("womens-rights")).toMatchObject({ name: "Women's Rights", slug: "womens-rights" });
    expect(await getTagBySlug("nope")).toBeNull();
  });

  it("counts published articles per tag and leaves out tags with none", async () => {
    const listed = await listTagsWithCounts(NOW);
    const expected = expectedCounts();
    expect(Object.fromEntries(listed.map((t) => [t.name, t.count]))).toEqual(Object.fromEntries(expected));
    const names = listed.map((t) => t.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
    // A tag used only by the draft does not appear.
    const onlyDraft = DEMO_ARTICLES.at(-1)!.tags.filter((t) => !expected.has(t));
    for (const t of onlyDraft) expect(names).not.toContain(t.toLowerCase());
  });

  it("ranks the top tags by count", async () => {
    const top = await listTopTags(NOW, 5);
    expect(top).toHaveLength(5);
    const counts = top.map((t) => t.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counts[0]).toBe(Math.max(...expectedCounts().values()));
  });

  it("stops counting an article once it is unpublished", async () => {
    const before = (await listTagsWithCounts(NOW)).find((t) => t.slug === "gender-apartheid")?.count;
    expect(before).toBeGreaterThanOrEqual(1);
    const slug = "russia-becomes-first-nation-to-officially-recognize-taliban-government";
    transaction((tx) => tx.update(articles).set({ status: "draft" }).where(eq(articles.slug, slug)).run());
    try {
      const after = (await listTagsWithCounts(NOW)).find((t) => t.slug === "gender-apartheid")?.count ?? 0;
      expect(after).toBe(before! - 1);
    } finally {
      transaction((tx) => tx.update(articles).set({ status: "published" }).where(eq(articles.slug, slug)).run());
    }
  });
});

describe("authors", () => {
  it("finds authors by slug and id", async () => {
    const first = DEMO_AUTHORS[0];
    const author = await getAuthorBySlug(first.slug);
    expect(author).toMatchObject({ name: first.name, bio: first.bio });
    expect(await getAuthorById(author!.id)).toEqual(author);
    expect(await getAuthorBySlug("nobody")).toBeNull();
  });
});

describe("settings", () => {
  it("returns the site settings with the URL's trailing slash removed", async () => {
    const settings = await getSiteSettings();
    expect(settings.siteName).toBe("Dateline");
    expect(settings.siteUrl).toBe("http://localhost:3000");
    transaction((tx) => tx.update(siteSettings).set({ siteName: "The Daily Test" }).where(eq(siteSettings.id, 1)).run());
    expect((await getSiteSettings()).siteName).toBe("The Daily Test");
  });
});

describe("ad slots", () => {
  it("returns the seeded slots at their placements", async () => {
    const afterBody = await listActiveSlotsForPlacement("article-after-body", NOW);
    const afterTags = await listActiveSlotsForPlacement("article-after-tags", NOW);
    expect(afterBody.map((s) => s.key)).toEqual(["YYYYYYYYYY"]);
    expect(afterTags.map((s) => s.key)).toEqual(["ZZZZZZZZZZ"]);
    expect(afterBody[0]).toMatchObject({ width: 728, height: 90, creativeType: "image" });
  });

  it("leaves out inactive, expired and not-yet-started slots", async () => {
    const base = {
      placement: "sidebar" as const,
      width: 300,
      height: 250,
      creativeType: "image" as const,
      imageUrl: "/ads/house-rectangle.svg",
      updatedAt: NOW,
    };
    const day = 86_400_000;
    transaction((tx) =>
      tx
        .insert(adSlots)
        .values([
          { ...base, key: "LIVE", name: "live" },
          { ...base, key: "WINDOW", name: "in window", startsAt: new Date(NOW.getTime() - day), endsAt: new Date(NOW.getTime() + day) },
          { ...base, key: "OFF", name: "inactive", active: false },
          { ...base, key: "OVER", name: "expired", endsAt: new Date(NOW.getTime() - 1) },
          { ...base, key: "SOON", name: "future", startsAt: new Date(NOW.getTime() + day) },
        ])
        .run(),
    );
    const keys = (await listActiveSlotsForPlacement("sidebar", NOW)).map((s) => s.key);
    expect(keys).toEqual(["LIVE", "WINDOW"]);
    const later = (await listActiveSlotsForPlacement("sidebar", new Date(NOW.getTime() + 2 * day))).map((s) => s.key);
    expect(later).toEqual(["LIVE", "SOON"]);
    expect(db.select().from(adSlots).all().length).toBe(7);
  });
});
