import { describe, expect, it } from "vitest";
import { absoluteUrl, formatTitle, OPEN_GRAPH_TAG_LIMIT, openGraphTags, truncateDescription } from "./seo";

describe("seo helpers", () => {
  it("titles pages after the site", () => {
    expect(formatTitle("Dateline", "Some story")).toBe("Some story | Dateline");
    expect(formatTitle("Dateline", undefined, "Independent reporting")).toBe("Dateline: Independent reporting");
    expect(formatTitle("Dateline")).toBe("Dateline");
  });

  it("builds absolute URLs on the configured site", () => {
    expect(absoluteUrl("https://news.example.com", "/articles/a-b")).toBe("https://news.example.com/articles/a-b");
    expect(absoluteUrl("https://news.example.com/base", "/tags/x")).toBe("https://news.example.com/tags/x");
    expect(absoluteUrl("https://news.example.com", "https://cdn.example.com/i.png")).toBe("https://cdn.example.com/i.png");
  });

  it("shortens long descriptions at a word boundary", () => {
    const text = "word ".repeat(60);
    const short = truncateDescription(text);
    expect(short.length).toBeLessThanOrEqual(160);
    expect(short.endsWith("word…")).toBe(true);
    expect(truncateDescription("  two\n lines ")).toBe("two lines");
  });

  it("announces an article's lead tags, in order, as article:tag", () => {
    const tags = Array.from({ length: 30 }, (_, i) => `Tag ${i + 1}`);
    expect(openGraphTags(tags)).toEqual(tags.slice(0, OPEN_GRAPH_TAG_LIMIT));
    expect(openGraphTags(tags)[0]).toBe("Tag 1");
    expect(openGraphTags(["Only"])).toEqual(["Only"]);
    expect(openGraphTags([])).toEqual([]);
  });
});
