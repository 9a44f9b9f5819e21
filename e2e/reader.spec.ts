import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ARTICLES } from "../db/seed/demo-articles";
import { REFERENCE_TAGS, loadReferenceArticle } from "../db/seed/reference-article";
import { slugify } from "../lib/slug";

const reference = loadReferenceArticle();
const REFERENCE_PATH = "/articles/russia-becomes-first-nation-to-officially-recognize-taliban-government";
// The seed publishes every demo article but the last two: a scheduled one, then a draft.
const PUBLISHED = [...DEMO_ARTICLES.slice(0, -2), { title: reference.title, tags: [...REFERENCE_TAGS] as string[] }];
const SCHEDULED_SLUG = slugify(DEMO_ARTICLES[DEMO_ARTICLES.length - 2].title);
const DRAFT_SLUG = slugify(DEMO_ARTICLES[DEMO_ARTICLES.length - 1].title);

/** Distinct paths named by a Location header (Next may repeat the header on a page's first render). */
function locationPaths(header: string | undefined): string[] {
  return [...new Set((header ?? "").split(", ").map((l) => new URL(l, "http://x").pathname))];
}

/** Follows "Older stories" from `start` to the end; returns every story slug and the pages' h1s. */
async function walkListing(page: Page, start: string) {
  const slugs: string[] = [];
  const headings: string[] = [];
  await page.goto(start);
  for (let guard = 0; guard < 20; guard++) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    headings.push((await page.getByRole("heading", { level: 1 }).textContent()) ?? "");
    const hrefs = await page
      .getByRole("main")
      .getByRole("article")
      .getByRole("heading")
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    slugs.push(...hrefs.map((h) => h.replace("/articles/", "")));
    const older = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Older stories" });
    if ((await older.count()) === 0) break;
    await older.click();
  }
  return { slugs, headings };
}

test.describe("the reference article", () => {
  test("renders headline, byline, dates and all eight paragraphs exactly", async ({ page }) => {
    const response = await page.goto(REFERENCE_PATH);
    expect(response?.status()).toBe(200);
    const article = page.getByRole("article", { name: reference.title });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference.title);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    const paragraphs = article.locator(".article-body > p");
    await expect(paragraphs).toHaveCount(8);
    expect(reference.paragraphs).toHaveLength(8);
    expect(await paragraphs.allTextContents()).toEqual(reference.paragraphs);
    await expect(article.locator('time[datetime="2025-07-11T09:00:00.000Z"]')).toContainText("July 11, 2025");
    const byline = article.getByRole("link", { name: "Foreign Desk" });
    await expect(byline).toHaveAttribute("href", "/authors/foreign-desk");
    await byline.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreign Desk");
    await expect(page.getByRole("link", { name: reference.title })).toBeVisible();
  });

  test("lists the 30 tags in their stored order, each linking to its tag page", async ({ page }) => {
    await page.goto(REFERENCE_PATH);
    const links = page.getByRole("region", { name: "Tags" }).getByRole("link");
    expect(await links.allTextContents()).toEqual([...REFERENCE_TAGS]);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(REFERENCE_TAGS.map((t) => `/tags/${slugify(t)}`));
    expect(hrefs).toContain("/tags/womens-rights");
    await links.filter({ hasText: "Women's Rights" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Women's Rights");
    await expect(page.getByRole("link", { name: reference.title })).toBeVisible();
  });

  test("shows ad slot YYYYYYYYYY after the body and ZZZZZZZZZZ after the tags, labelled and sized", async ({ page }) => {
    await page.goto(REFERENCE_PATH);
    const afterBody = page.locator('[data-ad-slot="YYYYYYYYYY"]');
    const afterTags = page.locator('[data-ad-slot="ZZZZZZZZZZ"]');
    await expect(afterBody).toHaveCount(1);
    await expect(afterTags).toHaveCount(1);
    await expect(afterBody.getByText("Advertisement", { exact: true })).toBeVisible();
    await expect(afterTags.getByText("Advertisement", { exact: true })).toBeVisible();
    // Document order: last paragraph → YYYYYYYYYY → tags → ZZZZZZZZZZ.
    const order = await page.evaluate(() => {
      const lastParagraph = document.querySelector(".article-body > p:last-of-type")!;
      const tags = document.querySelector('[aria-labelledby="article-tags-heading"]')!;
      const y = document.querySelector('[data-ad-slot="YYYYYYYYYY"]')!;
      const z = document.querySelector('[data-ad-slot="ZZZZZZZZZZ"]')!;
      const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return [before(lastParagraph, y), before(y, tags), before(tags, z)];
    });
    expect(order).toEqual([true, true, true]);
    // The image creative links through the click counter, marked as sponsored.
    const link = afterBody.getByRole("link");
    await expect(link).toHaveAttribute("href", "/ads/YYYYYYYYYY/click");
    await expect(link).toHaveAttribute("rel", /sponsored/);
    await expect(link.getByRole("img")).toHaveAttribute("alt", /.+/);
    // The box is reserved at the slot's aspect ratio before the image arrives.
    const box = await afterTags.locator(".ad-frame").boundingBox();
    expect(box).not.toBeNull();
    expect(Math.abs(box!.width / box!.height - 300 / 250)).toBeLessThan(0.02);
  });

  test("has related articles and article metadata with an absolute canonical URL", async ({ page, baseURL }) => {
    const response = await page.goto(REFERENCE_PATH);
    expect(response?.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}${REFERENCE_PATH}`);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute(
      "content",
      "2025-07-11T09:00:00.000Z",
    );
    // Open Graph names the lead tags; JSON-LD keywords and the tag links name all 30.
    await expect(page.locator('meta[property="article:tag"]')).toHaveCount(10);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
    await expect(page).toHaveTitle(`${reference.title} | Dateline`);
    const related = page.getByRole("region", { name: "Related coverage" }).getByRole("article");
    expect(await related.count()).toBeGreaterThan(0);
    await related.first().getByRole("heading").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    expect(page.url()).not.toContain(REFERENCE_PATH);
  });

  test("fits a 375px phone without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(REFERENCE_PATH);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const ad = await page.locator('[data-ad-slot="YYYYYYYYYY"] .ad-frame').boundingBox();
    expect(ad!.width).toBeLessThanOrEqual(375);
  });
});

// Listings count every published article, so they run first, before other specs publish more
// (the "isolated" project in playwright.config.ts).
test.describe("listings", { tag: "@isolated" }, () => {
  test("the front page leads with one story and pages through every published article", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Top stories" }).getByRole("article").first()).toBeVisible();
    const seeded = new Set(PUBLISHED.map((a) => slugify(a.title)));
    // Editorial specs publish articles in parallel with this one. Theirs are newer, so they lead
    // the list; one published mid-walk shifts the pages (a story repeats), so walk again.
    await expect(async () => {
      const { slugs, headings } = await walkListing(page, "/");
      expect(new Set(slugs).size).toBe(slugs.length);
      const firstSeeded = slugs.findIndex((s) => seeded.has(s));
      expect(slugs.slice(firstSeeded).filter((s) => !seeded.has(s))).toEqual([]);
      expect(slugs.filter((s) => seeded.has(s)).sort()).toEqual([...seeded].sort());
      expect(slugs).not.toContain(DRAFT_SLUG);
      expect(slugs).not.toContain(SCHEDULED_SLUG);
      expect(headings.length).toBe(Math.ceil(slugs.length / 10));
      expect(headings[1]).toBe("Latest news, page 2");
    }).toPass({ timeout: 45_000 });
  });

  test("a tag's listing pages through its published articles", async ({ page }) => {
    const counts = new Map<string, number>();
    for (const a of PUBLISHED) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(counts.get(busiest)).toBeGreaterThan(10);
    const { slugs, headings } = await walkListing(page, `/tags/${slugify(busiest)}`);
    const expected = PUBLISHED.filter((a) => a.tags.includes(busiest)).map((a) => slugify(a.title));
    expect(slugs.sort()).toEqual(expected.sort());
    expect(headings[0]).toBe(busiest);
    expect(headings[1]).toBe(`${busiest}, page 2`);
  });

  test("the topics index lists tags with counts", async ({ page }) => {
    await page.goto("/tags");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All topics");
    for (const name of ["Geopolitics", "Gender Apartheid"]) {
      const count = PUBLISHED.filter((a) => a.tags.includes(name)).length;
      const item = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
      await expect(item).toHaveText(`${name} ${count} ${count === 1 ? "article" : "articles"}`);
    }
  });

  test("/page/1 moves permanently to the front page; tag page 1 to the tag", async ({ request }) => {
    for (const [from, to] of [
      ["/page/1", "/"],
      ["/tags/russia/page/1", "/tags/russia"],
    ]) {
      const res = await request.get(from, { maxRedirects: 0 });
      expect([301, 308]).toContain(res.status());
      expect(locationPaths(res.headers()["location"])).toEqual([to]);
    }
  });
});

test.describe("not found", () => {
  const missing = [
    "/articles/no-such-story",
    `/articles/${DRAFT_SLUG}`,
    `/articles/${SCHEDULED_SLUG}`,
    "/articles/Not_A_Slug",
    "/page/0",
    "/page/-1",
    "/page/abc",
    "/page/1.5",
    "/page/99",
    "/page/99999999",
    "/tags/no-such-tag",
    "/tags/russia/page/0",
    "/tags/russia/page/2",
    "/tags/russia/page/abc",
    "/authors/nobody-here",
    "/authors/foreign-desk/page/9",
    "/search?q=news&page=abc",
    "/no/such/route",
  ];
  for (const path of missing) {
    test(`${path} answers 404 with the not-found page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
      await expect(page.getByRole("navigation", { name: "Topics" })).toBeVisible();
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("every missing page is complete HTML from the server", async ({ page }) => {
      for (const path of missing) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
        await expect(page.getByRole("navigation", { name: "Topics" }), path).toBeVisible();
        await expect(page.getByRole("link", { name: "Latest news" }).first(), path).toBeVisible();
      }
    });
  });
});

test("an old article slug moves permanently to the current one", async ({ request }) => {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  try {
    const { id } = db.prepare("select id from articles where slug = ?").get(REFERENCE_PATH.split("/").pop()) as { id: number };
    db.prepare("insert or ignore into slug_redirects (kind, from_slug, target_id) values ('article', ?, ?)").run(
      "russia-recognizes-the-taliban",
      id,
    );
  } finally {
    db.close();
  }
  const res = await request.get("/articles/russia-recognizes-the-taliban", { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(locationPaths(res.headers()["location"])).toEqual([REFERENCE_PATH]);
});

test("an old tag slug moves permanently, keeping the rest of the path and the query", async ({ request }) => {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  try {
    const { id } = db.prepare("select id from tags where slug = 'geopolitics'").get() as { id: number };
    db.prepare("insert or ignore into slug_redirects (kind, from_slug, target_id) values ('tag', 'world-politics', ?)").run(id);
  } finally {
    db.close();
  }
  const res = await request.get("/tags/world-politics/page/2?ref=old", { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(locationPaths(res.headers()["location"])).toEqual(["/tags/geopolitics/page/2"]);
  expect(res.headers()["location"]).toContain("?ref=old");
});

test("an article with a hero image shows it with alt text and caption, and its update time", async ({ page, baseURL }) => {
  // An article sharing no tag with the reference's first five, so no other test has cached its page.
  const firstFive = new Set(REFERENCE_TAGS.slice(0, 5));
  const target = DEMO_ARTICLES.slice(0, -2).find((a) => !a.tags.some((t) => firstFive.has(t as (typeof REFERENCE_TAGS)[number])))!;
  const slug = slugify(target.title);
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  let publishedAt: number;
  try {
    ({ publishedAt } = db.prepare("select published_at as publishedAt from articles where slug = ?").get(slug) as { publishedAt: number });
    db.prepare("update articles set hero_image = ?, hero_alt = ?, hero_caption = ?, updated_at = ? where slug = ?").run(
      "/ads/house-rectangle.svg",
      "Delegates arrive at the conference hall",
      "Delegates arrived on Tuesday morning. Photo: Dateline",
      publishedAt + 3 * 3_600_000,
      slug,
    );
  } finally {
    db.close();
  }
  await page.goto(`/articles/${slug}`);
  const figure = page.getByRole("figure");
  await expect(figure.getByRole("img", { name: "Delegates arrive at the conference hall" })).toBeVisible();
  await expect(figure).toContainText("Delegates arrived on Tuesday morning.");
  const times = page.getByRole("article", { name: target.title }).locator("header time");
  await expect(times).toHaveCount(2);
  await expect(times.nth(0)).toHaveAttribute("datetime", new Date(publishedAt).toISOString());
  await expect(times.nth(1)).toHaveAttribute("datetime", new Date(publishedAt + 3 * 3_600_000).toISOString());
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", `${baseURL}/ads/house-rectangle.svg`);
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute(
    "content",
    new Date(publishedAt + 3 * 3_600_000).toISOString(),
  );
});

test.describe("page structure", () => {
  for (const path of ["/", REFERENCE_PATH, "/tags/geopolitics", "/tags", "/authors/foreign-desk"]) {
    test(`${path} has labelled landmarks, one h1 and a working skip link`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("banner")).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: "Topics" })).toBeVisible();
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("contentinfo")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to main content" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();
    });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the article, its tags and ads, and front-page paging all work", async ({ page }) => {
    await page.goto(REFERENCE_PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference.title);
    expect(await page.locator(".article-body > p").allTextContents()).toEqual(reference.paragraphs);
    expect(await page.getByRole("region", { name: "Tags" }).getByRole("link").allTextContents()).toEqual([...REFERENCE_TAGS]);
    await expect(page.locator('[data-ad-slot="YYYYYYYYYY"]')).toContainText("Advertisement");
    await page.goto("/");
    await page.getByRole("link", { name: "Older stories" }).click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest news, page 2");
    await page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: "All topics" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All topics");
  });
});
