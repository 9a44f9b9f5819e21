import { describe, expect, it } from "vitest";
import { isValidSlug, slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it("drops apostrophes and joins words with dashes", () => {
    expect(slugify("Women's Rights")).toBe("womens-rights");
    expect(slugify("Russia Becomes First Nation to Officially Recognize Taliban Government")).toBe(
      "russia-becomes-first-nation-to-officially-recognize-taliban-government",
    );
  });
  it("folds accents and strips punctuation", () => {
    expect(slugify("  Café crème: déjà vu!  ")).toBe("cafe-creme-deja-vu");
    expect(slugify("Soviet-Afghan War")).toBe("soviet-afghan-war");
    expect(slugify("UN Security Council")).toBe("un-security-council");
    expect(slugify("R&D spending")).toBe("r-and-d-spending");
  });
  it("returns an empty string for input without letters or digits", () => {
    expect(slugify("!!! ???")).toBe("");
  });
  it("cuts long titles at a word boundary", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith("-")).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe("isValidSlug", () => {
  it("accepts lowercase ascii words joined by single dashes", () => {
    expect(isValidSlug("womens-rights")).toBe(true);
    expect(isValidSlug("a1-b2")).toBe(true);
  });
  it.each(["", "Upper", "double--dash", "-lead", "trail-", "spa ce", "ünï", "a/b", "x".repeat(121)])(
    "rejects %j",
    (s) => expect(isValidSlug(s)).toBe(false),
  );
});

describe("uniqueSlug", () => {
  it("adds the first free numeric suffix", async () => {
    const taken = new Set(["story", "story-2"]);
    expect(await uniqueSlug("story", (s) => taken.has(s))).toBe("story-3");
    expect(await uniqueSlug("fresh", (s) => taken.has(s))).toBe("fresh");
  });
});
