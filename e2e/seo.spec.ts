import { expect, test } from "@playwright/test";
import { parseXml } from "../scripts/tests/strict-xml";
import { REFERENCE_TAGS } from "../db/seed/reference-article";

const REFERENCE_SLUG = "russia-becomes-first-nation-to-officially-recognize-taliban-government";
const REFERENCE_TITLE = "Russia Becomes First Nation to Officially Recognize Taliban Government";

type Ld = Record<string, any>;

async function jsonLd(page: import("@playwright/test").Page): Promise<Ld[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => {
    const data = JSON.parse(text);
    return Array.isArray(data) ? data : [data];
  });
}

const meta = (page: import("@playwright/test").Page, attr: "name" | "property", key: string) =>
  page.locator(`head meta[${attr}="${key}"]`);

test("the article's head carries the metadata and a parsable NewsArticle", async ({ page, baseURL }) => {
  await page.goto(`/articles/${REFERENCE_SLUG}`);
  const url = `${baseURL}/articles/${REFERENCE_SLUG}`;
  await expect(page).toHaveTitle(`${REFERENCE_TITLE} | Dateline`);
  await expect(meta(page, "name", "description")).toHaveAttribute("content", /Russia/);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(meta(page, "name", "robots")).toHaveAttribute("content", /max-image-preview:large/);
  await expect(meta(page, "property", "og:type")).toHaveAttribute("content", "article");
  await expect(meta(page, "property", "og:url")).toHaveAttribute("content", url);
  await expect(meta(page, "property", "og:title")).toHaveAttribute("content", REFERENCE_TITLE);
  await expect(meta(page, "property", "og:image")).toHaveAttribute("content", new RegExp(`^${baseURL}/`));
  await expect(meta(page, "name", "twitter:card")).toHaveAttribute("content", "summary_large_image");
  await expect(meta(page, "property", "article:published_time")).toHaveAttribute("content", /^2025-07-11T09:00:00/);
  await expect(meta(page, "property", "article:modified_time")).toHaveAttribute("content", /^2025-07-11T09:00:00/);
  await expect(meta(page, "property", "article:section")).toHaveAttribute("content", "Russia");
  const tags = await meta(page, "property", "article:tag").evaluateAll((els) => els.map((e) => e.getAttribute("content")));
  // The lead ten, in the editor's order; the JSON-LD keywords below carry all 30.
  expect(tags).toEqual([...REFERENCE_TAGS].slice(0, 10));
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    "href",
    `${baseURL}/feed.xml`,
  );

  const data = await jsonLd(page);
  const news = data.find((d) => d["@type"] === "NewsArticle")!;
  expect(news).toBeDefined();
  expect(news.headline).toBe(REFERENCE_TITLE);
  expect(news.headline.length).toBeLessThanOrEqual(110);
  expect(news.datePublished).toBe("2025-07-11T09:00:00+00:00");
  expect(news.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  expect(news.author[0]).toEqual({ "@type": "Person", name: "Foreign Desk", url: `${baseURL}/authors/foreign-desk` });
  expect(news.publisher["@type"]).toBe("Organization");
  expect(news.publisher.logo.url).toMatch(new RegExp(`^${baseURL}/`));
  expect(news.image[0].url).toMatch(new RegExp(`^${baseURL}/`));
  expect(news.keywords).toHaveLength(30);
  expect(news.mainEntityOfPage["@id"]).toBe(url);
  const crumbs = data.find((d) => d["@type"] === "BreadcrumbList")!;
  expect(crumbs.itemListElement.at(-1).item).toBe(url);

  // The image and logo the structured data names are really served.
  expect((await page.request.get(news.image[0].url)).status()).toBe(200);
  expect((await page.request.get(news.publisher.logo.url)).status()).toBe(200);
});

test("tag pages carry a CollectionPage and their own feed; the front page a WebSite with search", async ({ page, baseURL }) => {
  await page.goto("/tags/taliban");
  const tagData = await jsonLd(page);
  const collection = tagData.find((d) => d["@type"] === "CollectionPage")!;
  expect(collection.url).toBe(`${baseURL}/tags/taliban`);
  expect(collection.mainEntity.itemListElement.map((i: Ld) => i.url)).toContain(`${baseURL}/articles/${REFERENCE_SLUG}`);
  expect(tagData.some((d) => d["@type"] === "BreadcrumbList")).toBe(true);
  const feeds = await page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(feeds).toEqual([`${baseURL}/feed.xml`, `${baseURL}/tags/taliban/feed.xml`]);

  await page.goto("/");
  const site = (await jsonLd(page)).find((d) => d["@type"] === "WebSite")!;
  expect(site.potentialAction.target.urlTemplate).toBe(`${baseURL}/search?q={search_term_string}`);
});

test("search finds the reference article for “Taliban recognition” with the match highlighted", async ({ page }) => {
  await page.goto("/search");
  const main = page.getByRole("main");
  await main.getByRole("searchbox", { name: "Search terms" }).fill("Taliban recognition");
  await main.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Taliban\+recognition$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “Taliban recognition”");
  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first.getByRole("link", { name: REFERENCE_TITLE })).toHaveAttribute("href", `/articles/${REFERENCE_SLUG}`);
  await expect(first.locator("mark").filter({ hasText: /^Taliban$/ }).first()).toBeVisible();
  await expect(first.locator("mark").filter({ hasText: /^recognition$/i }).first()).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("search treats operators, quotes and long input as words, never failing", async ({ request }) => {
  for (const q of [`"`, "NEAR(", "Taliban AND", "*", "'; DROP TABLE articles; --", "x".repeat(500), "<script>alert(1)</script>"]) {
    const res = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(res.status(), q).toBe(200);
    expect(await res.text()).not.toContain("<script>alert(1)</script>");
  }
  expect((await request.get("/search?q=x&page=abc")).status()).toBe(404);
});

test("RSS feeds are valid, absolute and cacheable", async ({ request, baseURL }) => {
  const res = await request.get("/feed.xml");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/rss+xml");
  expect(res.headers()["cache-control"]).toMatch(/public.*s-maxage=\d+/);
  const feed = parseXml(await res.text()).rss.channel;
  expect(feed["atom:link"]["@href"]).toBe(`${baseURL}/feed.xml`);
  expect(feed.item.length).toBeGreaterThan(10);
  for (const item of feed.item) expect(item.link).toMatch(new RegExp(`^${baseURL}/articles/`));

  const tagFeed = parseXml(await (await request.get("/tags/taliban/feed.xml")).text()).rss.channel;
  const reference = tagFeed.item.find((i: { link: string }) => i.link === `${baseURL}/articles/${REFERENCE_SLUG}`);
  expect(reference.category).toHaveLength(30);
  expect((await request.get("/tags/no-such-tag/feed.xml")).status()).toBe(404);
});

test("sitemap, News sitemap and robots.txt name the published pages", async ({ request, baseURL }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["cache-control"]).toMatch(/public.*s-maxage=\d+/);
  const locs = parseXml(await sitemap.text()).urlset.url.map((u: { loc: string }) => u.loc);
  expect(locs).toContain(`${baseURL}/articles/${REFERENCE_SLUG}`);
  expect(locs).toContain(`${baseURL}/tags/womens-rights`);
  expect(locs).toContain(`${baseURL}/authors/foreign-desk`);

  const news = parseXml(await (await request.get("/news-sitemap.xml")).text()).urlset;
  expect(news["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
  for (const u of news.url) {
    const age = Date.now() - new Date(u["news:news"]["news:publication_date"]).getTime();
    expect(age).toBeLessThanOrEqual(48 * 3_600_000);
  }

  const robots = await (await request.get("/robots.txt")).text();
  for (const line of ["Disallow: /admin", "Disallow: /api", "Disallow: /search", `Sitemap: ${baseURL}/sitemap.xml`, `Sitemap: ${baseURL}/news-sitemap.xml`]) {
    expect(robots).toContain(line);
  }
});
