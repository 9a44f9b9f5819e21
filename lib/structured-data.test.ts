import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";
import { articleStructuredData, frontStructuredData, tagStructuredData, type SiteInfo } from "./structured-data";

const site: SiteInfo = {
  siteName: "Dateline",
  description: "World news",
  siteUrl: "https://news.example.com/",
  logoUrl: "",
  language: "en",
};

const article = {
  slug: "russia-becomes-first-nation-to-officially-recognize-taliban-government",
  title: "Russia Becomes First Nation to Officially Recognize Taliban Government",
  dek: "",
  body: "Russia has become the first country to formally recognize the Taliban government.\n\nMore text.",
  publishedAt: "2025-07-11T09:00:00.000Z",
  updatedAt: "2025-07-11T09:00:00.000Z",
  heroImage: null,
  author: { name: "Foreign Desk", slug: "foreign-desk" },
  tags: [
    { name: "Russia", slug: "russia" },
    { name: "Taliban", slug: "taliban" },
  ],
};

describe("articleStructuredData", () => {
  it("builds a complete NewsArticle and a breadcrumb through the first tag", () => {
    const [news, crumbs] = JSON.parse(serializeJsonLd(articleStructuredData(article, site)));
    expect(news).toMatchObject({
      "@type": "NewsArticle",
      headline: article.title,
      description: "Russia has become the first country to formally recognize the Taliban government. More text.",
      datePublished: "2025-07-11T09:00:00+00:00",
      dateModified: "2025-07-11T09:00:00+00:00",
      author: [{ "@type": "Person", name: "Foreign Desk", url: "https://news.example.com/authors/foreign-desk" }],
      publisher: { "@type": "Organization", name: "Dateline", logo: { url: "https://news.example.com/logo.png" } },
      image: [{ url: "https://news.example.com/og-default.png", width: 1200, height: 630 }],
      keywords: ["Russia", "Taliban"],
      articleSection: "Russia",
      mainEntityOfPage: { "@id": `https://news.example.com/articles/${article.slug}` },
    });
    expect(crumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([
      "https://news.example.com/",
      "https://news.example.com/tags/russia",
      `https://news.example.com/articles/${article.slug}`,
    ]);
  });

  it("prefers the SEO title and description, the hero image, and the later of the two dates", () => {
    const [news] = articleStructuredData(
      {
        ...article,
        seoTitle: "SEO headline",
        seoDescription: "SEO description",
        heroImage: "/media/2025/07/hero.webp",
        heroCaption: "Kabul, July 2025",
        updatedAt: "2025-07-12T08:00:00.000Z",
      },
      { ...site, logoUrl: "https://cdn.example.com/brand.png" },
    );
    expect(news.headline).toBe("SEO headline");
    expect(news.description).toBe("SEO description");
    expect(news.image).toEqual([
      { "@type": "ImageObject", url: "https://news.example.com/media/2025/07/hero.webp", caption: "Kabul, July 2025" },
    ]);
    expect(news.dateModified).toBe("2025-07-12T08:00:00+00:00");
    expect((news.publisher as { logo: { url: string } }).logo.url).toBe("https://cdn.example.com/brand.png");
  });
});

describe("tag and front page", () => {
  it("tag pages carry a CollectionPage of their articles and a breadcrumb", () => {
    const [page, crumbs] = tagStructuredData({ name: "Taliban", slug: "taliban", description: "" }, [article], site);
    expect(page["@type"]).toBe("CollectionPage");
    expect(page.url).toBe("https://news.example.com/tags/taliban");
    expect((page.mainEntity as { itemListElement: unknown[] }).itemListElement).toHaveLength(1);
    expect(crumbs["@type"]).toBe("BreadcrumbList");
  });
  it("the front page carries WebSite with SearchAction and the Organization", () => {
    const [website, org] = frontStructuredData(site);
    expect(website["@type"]).toBe("WebSite");
    expect(website.potentialAction).toMatchObject({ "@type": "SearchAction" });
    expect(org).toMatchObject({ "@context": "https://schema.org", "@type": "Organization", url: "https://news.example.com/" });
  });
});
