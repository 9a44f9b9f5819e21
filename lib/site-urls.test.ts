import { describe, expect, it } from "vitest";
import { absoluteUrl, normalizeSiteUrl } from "./site-urls";

describe("site URLs", () => {
  it("keeps origin and path, drops query, fragment and trailing slash", () => {
    expect(normalizeSiteUrl("https://news.example.com/")).toBe("https://news.example.com");
    expect(normalizeSiteUrl("https://example.com/news/?a=1#x")).toBe("https://example.com/news");
    expect(normalizeSiteUrl("https://example.com/a&b/")).toBe("https://example.com/a%26b");
  });
  it("falls back for values that are not http(s) URLs", () => {
    expect(normalizeSiteUrl("javascript:alert(1)", "http://localhost:3000")).toBe("http://localhost:3000");
    expect(normalizeSiteUrl("not a url", "https://f.example")).toBe("https://f.example");
  });
  it("makes site paths absolute and leaves absolute URLs alone", () => {
    expect(absoluteUrl("https://n.example/", "/")).toBe("https://n.example/");
    expect(absoluteUrl("https://n.example", "/articles/a")).toBe("https://n.example/articles/a");
    expect(absoluteUrl("https://n.example/sub/", "tags")).toBe("https://n.example/sub/tags");
    expect(absoluteUrl("https://n.example", "https://cdn.example/x.png")).toBe("https://cdn.example/x.png");
  });
});
