import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/actions";
import { ARTICLE_LIMITS, articleFormInput, articleSchema, checkArticleRules, updateArticleSchema, utf8Length } from "./article";

const valid = { title: "Budget vote delayed", authorId: "3", body: "Text", tags: [] };

function errorsOf(input: Record<string, unknown>) {
  const parsed = articleSchema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
}

describe("articleSchema", () => {
  it("accepts a minimal article and fills defaults", () => {
    const a = articleSchema.parse(valid);
    expect(a).toMatchObject({ title: "Budget vote delayed", slug: "", dek: "", authorId: 3, intent: "save", timeZone: "UTC" });
  });

  it("refuses an empty or over-long title with a message for the title field", () => {
    expect(errorsOf({ ...valid, title: "   " }).title).toEqual(["Enter a title."]);
    expect(errorsOf({ ...valid, title: "x".repeat(256) }).title?.[0]).toMatch(/at most 255/);
    expect(errorsOf({ ...valid, title: "x".repeat(255) })).toEqual({});
  });

  it.each(["Has Upper", "with space", "ümlaut", "double--dash", "-lead", "a/b"])("refuses the slug %j", (slug) => {
    expect(errorsOf({ ...valid, slug }).slug?.[0]).toMatch(/lowercase letters/);
  });

  it("refuses a 5 MB body and says how big it is", () => {
    const body = "a".repeat(5 * 1024 * 1024);
    expect(errorsOf({ ...valid, body }).body).toEqual(["The body is 5.0 MB; the limit is 200 KB. Split it or trim it."]);
    expect(errorsOf({ ...valid, body: "a".repeat(ARTICLE_LIMITS.bodyBytes) })).toEqual({});
  });

  it("counts the body limit in UTF-8 bytes", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    expect(errorsOf({ ...valid, body: "é".repeat(ARTICLE_LIMITS.bodyBytes / 2 + 1) }).body).toBeDefined();
  });

  it("refuses a missing or non-numeric author", () => {
    expect(errorsOf({ ...valid, authorId: "" }).authorId).toBeDefined();
    expect(errorsOf({ ...valid, authorId: "abc" }).authorId).toBeDefined();
  });

  it("reads tag references in order, drops duplicates and refuses junk", () => {
    const a = articleSchema.parse({ ...valid, tags: ["id:4", "new:Women’s Rights", "id:4", "new:womens rights", "new:Sanctions"] });
    expect(a.tags).toEqual([
      { kind: "id", id: 4 },
      { kind: "new", name: "Women’s Rights" },
      { kind: "new", name: "Sanctions" },
    ]);
    expect(errorsOf({ ...valid, tags: ["new:!!!"] }).tags).toBeDefined();
    expect(errorsOf({ ...valid, tags: ["id:abc"] }).tags).toBeDefined();
    expect(errorsOf({ ...valid, tags: Array.from({ length: 51 }, (_, i) => `new:t${i}`) }).tags?.[0]).toMatch(/At most 50/);
  });

  it("normalises line endings and falls back to UTC for an unknown zone", () => {
    const a = articleSchema.parse({ ...valid, body: "a\r\nb\rc", timeZone: "Mars/Olympus" });
    expect(a.body).toBe("a\nb\nc");
    expect(a.timeZone).toBe("UTC");
  });

  it("derives the update schema: id and version are required", () => {
    expect(updateArticleSchema.safeParse(valid).success).toBe(false);
    expect(updateArticleSchema.parse({ ...valid, id: "7", version: "2" })).toMatchObject({ id: 7, version: 2 });
  });

  it("reads form data with repeated tags", () => {
    const fd = new FormData();
    fd.set("title", "T");
    fd.append("tags", "id:1");
    fd.append("tags", "new:B");
    fd.set("$ACTION_ID_x", "");
    expect(articleFormInput(fd)).toEqual({ title: "T", tags: ["id:1", "new:B"] });
  });
});

describe("checkArticleRules", () => {
  const now = new Date("2030-01-01T12:00:00Z");
  const parse = (extra: Record<string, unknown>) => articleSchema.parse({ ...valid, ...extra });

  it("requires a future time to schedule, read in the editor's zone", () => {
    expect(checkArticleRules(parse({ intent: "schedule" }), { now, hasHeroImage: false }).errors.publishAt).toEqual(["Choose when to publish."]);
    const past = checkArticleRules(parse({ intent: "schedule", publishAt: "2030-01-01T11:59" }), { now, hasHeroImage: false });
    expect(past.errors.publishAt?.[0]).toMatch(/in the future/);
    // 12:30 in Berlin (UTC+1 in January) is 11:30 UTC: already past.
    const berlin = checkArticleRules(parse({ intent: "schedule", publishAt: "2030-01-01T12:30", timeZone: "Europe/Berlin" }), { now, hasHeroImage: false });
    expect(berlin.errors.publishAt?.[0]).toMatch(/in the future/);
    const ok = checkArticleRules(parse({ intent: "schedule", publishAt: "2030-01-01T13:30", timeZone: "Europe/Berlin" }), { now, hasHeroImage: false });
    expect(ok.errors).toEqual({});
    expect(ok.publishAt?.toISOString()).toBe("2030-01-01T12:30:00.000Z");
  });

  it("refuses an impossible date", () => {
    const r = checkArticleRules(parse({ intent: "schedule", publishAt: "2030-02-30T10:00" }), { now, hasHeroImage: false });
    expect(r.errors.publishAt?.[0]).toMatch(/real date/);
  });

  it("requires alt text whenever there is an image", () => {
    expect(checkArticleRules(parse({}), { now, hasHeroImage: true }).errors.heroAlt).toBeDefined();
    expect(checkArticleRules(parse({ heroAlt: "A crowd outside parliament" }), { now, hasHeroImage: true }).errors).toEqual({});
    expect(checkArticleRules(parse({}), { now, hasHeroImage: false }).errors).toEqual({});
  });
});
