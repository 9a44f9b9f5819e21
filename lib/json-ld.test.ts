import { describe, expect, it } from "vitest";
import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  HEADLINE_MAX,
  isoWithOffset,
  newsArticleJsonLd,
  serializeJsonLd,
  truncateHeadline,
  webSiteJsonLd,
} from "./json-ld";

const publisher = { name: "Dateline", url: "https://news.example.com/", logoUrl: "https://news.example.com/logo.png" };

function article(overrides: Partial<Parameters<typeof newsArticleJsonLd>[0]> = {}) {
  return newsArticleJsonLd({
    url: "https://news.example.com/articles/a",
    headline: "Russia Becomes First Nation to Officially Recognize Taliban Government",
    description: "A dek",
    publishedAt: "2025-07-11T09:00:00.000Z",
    modifiedAt: new Date("2025-07-12T10:30:15.250Z"),
    author: { name: "Foreign Desk", url: "https://news.example.com/authors/foreign-desk" },
    publisher,
    images: [{ url: "https://news.example.com/og.png", width: 1200, height: 630 }],
    keywords: ["Russia", "Taliban"],
    section: "Russia",
    ...overrides,
  });
}

describe("serializeJsonLd", () => {
  it("cannot be broken out of by </script> or <!-- in any field, and parses back unchanged", () => {
    const hostile = `</script><script>alert(1)</script><!-- & \u2028`;
    const data = article({ headline: hostile, description: hostile, keywords: [hostile] });
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(JSON.parse(text)).toEqual(data);
    expect(JSON.parse(text).description).toBe(hostile);
  });
});

describe("newsArticleJsonLd", () => {
  it("has every property Google asks of a NewsArticle", () => {
    const data = JSON.parse(serializeJsonLd(article()));
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.headline).toBe("Russia Becomes First Nation to Officially Recognize Taliban Government");
    expect(data.datePublished).toBe("2025-07-11T09:00:00+00:00");
    expect(data.dateModified).toBe("2025-07-12T10:30:15+00:00");
    expect(data.author).toEqual([
      { "@type": "Person", name: "Foreign Desk", url: "https://news.example.com/authors/foreign-desk" },
    ]);
    expect(data.publisher).toEqual({
      "@type": "Organization",
      name: "Dateline",
      url: "https://news.example.com/",
      logo: { "@type": "ImageObject", url: "https://news.example.com/logo.png" },
    });
    expect(data.image[0]).toMatchObject({ "@type": "ImageObject", url: "https://news.example.com/og.png" });
    expect(data.keywords).toEqual(["Russia", "Taliban"]);
    expect(data.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": "https://news.example.com/articles/a" });
    expect(data.articleSection).toBe("Russia");
  });

  it("keeps headlines within 110 characters, cut at a word", () => {
    const long = "Word ".repeat(60).trim();
    const h = truncateHeadline(long);
    expect([...h].length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(h.endsWith("…")).toBe(true);
    expect(h).not.toMatch(/ …$/);
    expect(article({ headline: long }).headline).toBe(h);
    expect(truncateHeadline("Short  title ")).toBe("Short title");
  });

  it("writes dates with an explicit offset", () => {
    expect(isoWithOffset("2025-07-11T09:00:00Z")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
});

describe("other page types", () => {
  it("BreadcrumbList numbers its items from 1", () => {
    const data = breadcrumbJsonLd([
      { name: "Home", url: "https://n.example/" },
      { name: "Russia", url: "https://n.example/tags/russia" },
    ]);
    expect(data["@type"]).toBe("BreadcrumbList");
    expect(data.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://n.example/" },
      { "@type": "ListItem", position: 2, name: "Russia", item: "https://n.example/tags/russia" },
    ]);
  });

  it("WebSite carries a SearchAction pointing at /search", () => {
    const data = webSiteJsonLd({ name: "Dateline", url: "https://n.example", description: "News" });
    expect(data["@type"]).toBe("WebSite");
    expect(data.url).toBe("https://n.example/");
    expect(data.potentialAction).toEqual({
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: "https://n.example/search?q={search_term_string}" },
      "query-input": "required name=search_term_string",
    });
  });

  it("CollectionPage lists the page's articles", () => {
    const data = collectionPageJsonLd({
      url: "https://n.example/tags/russia",
      name: "Russia",
      description: "Articles tagged Russia",
      siteName: "Dateline",
      siteUrl: "https://n.example",
      items: [{ name: "A", url: "https://n.example/articles/a" }],
    });
    expect(data["@type"]).toBe("CollectionPage");
    expect(data.mainEntity).toEqual({
      "@type": "ItemList",
      itemListElement: [{ "@type": "ListItem", position: 1, url: "https://n.example/articles/a", name: "A" }],
    });
  });
});
