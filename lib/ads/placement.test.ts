import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";
import { resolveAds, secondsUntilScheduleChange, type PublicAdSlot } from "./placement";
import { countTopLevelParagraphs, splitAfterParagraphs } from "./split-html";

let nextId = 1;
function slot(partial: Partial<PublicAdSlot> & Pick<PublicAdSlot, "placement">): PublicAdSlot {
  const id = partial.id ?? nextId++;
  return {
    id,
    key: partial.key ?? `SLOT_${id}`,
    name: `Slot ${id}`,
    placementIndex: null,
    width: 300,
    height: 250,
    creativeType: "image",
    altText: "An ad",
    active: true,
    startsAt: null,
    endsAt: null,
    version: 1,
    tagIds: [],
    ...partial,
  };
}

const NOW = new Date("2025-07-11T12:00:00Z");
const RUSSIA = 1;
const SANCTIONS = 2;
const SCIENCE = 3;

describe("resolveAds on an article", () => {
  const afterBody = slot({ key: "YYYYYYYYYY", placement: "article-after-body" });
  const afterTags = slot({ key: "ZZZZZZZZZZ", placement: "article-after-tags" });
  const inline2 = slot({ key: "INLINE_2", placement: "article-inline", placementIndex: 2 });
  const inline9 = slot({ key: "INLINE_9", placement: "article-inline", placementIndex: 9 });
  const russiaOnly = slot({ key: "RUSSIA", placement: "article-after-body", tagIds: [RUSSIA, SANCTIONS] });
  const scienceOnly = slot({ key: "SCIENCE", placement: "article-after-body", tagIds: [SCIENCE] });
  const front = slot({ key: "FRONT", placement: "front-top" });
  const off = slot({ key: "OFF", placement: "article-after-tags", active: false });
  const later = slot({ key: "LATER", placement: "article-after-tags", startsAt: Date.parse("2025-07-12T00:00:00Z") });
  const over = slot({ key: "OVER", placement: "article-after-tags", endsAt: Date.parse("2025-07-11T12:00:00Z") });
  const all = [afterBody, afterTags, inline2, inline9, russiaOnly, scienceOnly, front, off, later, over];

  it("puts each live slot at its placement, targeted slots first, and leaves out the rest", () => {
    const ads = resolveAds(all, { kind: "article", tagIds: [RUSSIA, 40], paragraphCount: 5 }, NOW);
    expect(ads.at("article-after-body").map((s) => s.key)).toEqual(["RUSSIA", "YYYYYYYYYY"]);
    expect(ads.at("article-after-tags").map((s) => s.key)).toEqual(["ZZZZZZZZZZ"]);
    expect(ads.at("front-top")).toEqual([]);
    expect(ads.indexes("article-inline")).toEqual([2]);
    expect(ads.after("article-inline", 2).map((s) => s.key)).toEqual(["INLINE_2"]);
    expect(ads.all.map((s) => s.key)).toEqual(["RUSSIA", "YYYYYYYYYY", "ZZZZZZZZZZ", "INLINE_2"]);
  });

  it("shows a targeted slot only on articles with one of its tags", () => {
    const science = resolveAds(all, { kind: "article", tagIds: [SCIENCE], paragraphCount: 5 }, NOW);
    expect(science.at("article-after-body").map((s) => s.key)).toEqual(["SCIENCE", "YYYYYYYYYY"]);
    const untagged = resolveAds(all, { kind: "article", tagIds: [], paragraphCount: 5 }, NOW);
    expect(untagged.at("article-after-body").map((s) => s.key)).toEqual(["YYYYYYYYYY"]);
  });

  it("places inline slots only when the body has that many paragraphs", () => {
    const short = resolveAds(all, { kind: "article", paragraphCount: 1 }, NOW);
    expect(short.indexes("article-inline")).toEqual([]);
    const long = resolveAds(all, { kind: "article", paragraphCount: 9 }, NOW);
    expect(long.indexes("article-inline")).toEqual([2, 9]);
  });

  it("follows the clock: a scheduled slot appears at its start and goes at its end", () => {
    const ctx = { kind: "article" as const, paragraphCount: 3 };
    const keysAt = (iso: string) => resolveAds(all, ctx, new Date(iso)).at("article-after-tags").map((s) => s.key);
    expect(keysAt("2025-07-11T11:59:59Z")).toEqual(["ZZZZZZZZZZ", "OVER"]);
    expect(keysAt("2025-07-11T12:00:00Z")).toEqual(["ZZZZZZZZZZ"]);
    expect(keysAt("2025-07-12T00:00:00Z")).toEqual(["ZZZZZZZZZZ", "LATER"]);
    expect(secondsUntilScheduleChange(all, NOW)).toBe(12 * 3600);
  });

  it("interleaves inline slots with the rendered body after the right paragraph", () => {
    const body = renderMarkdown(["One.", "- a\n- b", "Two.", "> Quote.", "Three."].join("\n\n"));
    const ads = resolveAds(all, { kind: "article", paragraphCount: countTopLevelParagraphs(body) }, NOW);
    const segments = splitAfterParagraphs(body, ads.indexes("article-inline"));
    expect(segments.map((s) => [s.afterParagraph, ads.after("article-inline", s.afterParagraph ?? 0).map((a) => a.key)])).toEqual([
      [2, ["INLINE_2"]],
      [null, []],
    ]);
    expect(segments[0].html.trim().endsWith("<p>Two.</p>")).toBe(true);
    expect(segments[1].html).toContain("<p>Three.</p>");
  });
});

describe("resolveAds on other pages", () => {
  const top = slot({ key: "TOP", placement: "front-top" });
  const item3 = slot({ key: "ITEM_3", placement: "front-list", placementIndex: 3 });
  const tagTop = slot({ key: "TAG_TOP", placement: "tag-top", tagIds: [SCIENCE] });
  const side = slot({ key: "SIDE", placement: "sidebar" });
  const sideRussia = slot({ key: "SIDE_RU", placement: "sidebar", tagIds: [RUSSIA] });
  const slots = [top, item3, tagTop, side, sideRussia];

  it("front page: top, after list item N, untargeted sidebar", () => {
    const ads = resolveAds(slots, { kind: "front", listLength: 10 }, NOW);
    expect(ads.all.map((s) => s.key)).toEqual(["TOP", "ITEM_3", "SIDE"]);
    expect(resolveAds(slots, { kind: "front", listLength: 2 }, NOW).indexes("front-list")).toEqual([]);
  });

  it("tag page: the tag's targeted slots", () => {
    expect(resolveAds(slots, { kind: "tag", tagIds: [SCIENCE] }, NOW).all.map((s) => s.key)).toEqual(["TAG_TOP", "SIDE"]);
    expect(resolveAds(slots, { kind: "tag", tagIds: [RUSSIA] }, NOW).all.map((s) => s.key)).toEqual(["SIDE_RU", "SIDE"]);
  });

  it("caps each position at three slots", () => {
    const many = Array.from({ length: 5 }, () => slot({ placement: "sidebar" }));
    expect(resolveAds(many, { kind: "front" }, NOW).at("sidebar")).toHaveLength(3);
  });
});
