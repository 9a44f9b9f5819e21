import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations, sqlite, transaction } from "@/db";
import { articles, authors, slugRedirects, tags } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_ARTICLES } from "@/db/seed/demo-articles";
import { REFERENCE_TAGS, loadReferenceArticle } from "@/db/seed/reference-article";
import { slugify } from "@/lib/slug";
import {
  MAX_PAGE,
  PAGE_SIZE,
  getArticleIdBySlug,
  getPublishedArticleById,
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByTag,
  listRelatedArticles,
} from "./articles";
import { findRedirectTarget } from "./redirects";

const NOW = new Date("2025-09-01T12:00:00Z");
const REFERENCE_SLUG = "russia-becomes-first-nation-to-officially-recognize-taliban-government";
// The seed makes the last demo article a draft and the one before it scheduled (30 days ahead).
const DRAFT = DEMO_ARTICLES[DEMO_ARTICLES.length - 1];
const SCHEDULED = DEMO_ARTICLES[DEMO_ARTICLES.length - 2];
const PUBLISHED_COUNT = DEMO_ARTICLES.length - 2 + 1;

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: "http://localhost:3000" });
});

async function allFrontPages() {
  const seen = [];
  for (let page = 1; ; page++) {
    const result = await listPublishedArticles({ page, now: NOW });
    seen.push(...result.items);
    if (!result.hasNext) return seen;
  }
}

describe("listPublishedArticles", () => {
  it("pages through every published, due article newest first, ten at a time", async () => {
    const first = await listPublishedArticles({ page: 1, now: NOW });
    expect(first.items).toHaveLength(Math.min(PAGE_SIZE, PUBLISHED_COUNT));
    expect(first.hasPrevious).toBe(false);
    const all = await allFrontPages();
    expect(all).toHaveLength(PUBLISHED_COUNT);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const times = all.map((a) => Date.parse(a.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const slugs = all.map((a) => a.slug);
    expect(slugs).toContain(REFERENCE_SLUG);
    expect(slugs).not.toContain(slugify(DRAFT.title));
    expect(slugs).not.toContain(slugify(SCHEDULED.title));
  });

  it("gives list items their first three tags in stored order", async () => {
    const all = await allFrontPages();
    const reference = all.find((a) => a.slug === REFERENCE_SLUG)!;
    expect(reference.tags.map((t) => t.name)).toEqual(REFERENCE_TAGS.slice(0, 3));
    expect(reference.tags[0]).toEqual({ name: "Russia", slug: "russia" });
  });

  it("returns an empty page past the end and for out-of-range page numbers", async () => {
    const past = Math.ceil(PUBLISHED_COUNT / PAGE_SIZE) + 1;
    expect((await listPublishedArticles({ page: past, now: NOW })).items).toEqual([]);
    for (const page of [0, -1, 1.5, Number.NaN, MAX_PAGE + 1]) {
      expect((await listPublishedArticles({ page, now: NOW })).items).toEqual([]);
    }
  });

  it("hides articles published after `now`", async () => {
    const before = await listPublishedArticles({ page: 1, now: new Date("2025-07-11T08:59:00Z") });
    expect(before.items.map((a) => a.slug)).not.toContain(REFERENCE_SLUG);
  });
});

describe("getPublishedArticleById", () => {
  it("returns the reference article with its body, author and 30 tags in order", async () => {
    const id = (await getArticleIdBySlug(REFERENCE_SLUG))!;
    const article = (await getPublishedArticleById(id, NOW))!;
    const reference = loadReferenceArticle();
    expect(article.title).toBe(reference.title);
    expect(article.body).toBe(reference.paragraphs.join("\n\n"));
    expect(article.publishedAt).toBe("2025-07-11T09:00:00.000Z");
    expect(article.tags.map((t) => t.name)).toEqual([...REFERENCE_TAGS]);
    expect(article.tags.find((t) => t.name === "Women's Rights")?.slug).toBe("womens-rights");
    expect(article.author.slug).toBe("foreign-desk");
  });

  it("answers null for drafts, scheduled articles and unknown ids", async () => {
    const draftId = await getArticleIdBySlug(slugify(DRAFT.title));
    const scheduledId = await getArticleIdBySlug(slugify(SCHEDULED.title));
    expect(draftId).not.toBeNull();
    expect(scheduledId).not.toBeNull();
    expect(await getPublishedArticleById(draftId!, NOW)).toBeNull();
    expect(await getPublishedArticleById(scheduledId!, NOW)).toBeNull();
    expect(await getPublishedArticleById(999_999, NOW)).toBeNull();
    expect(await getArticleIdBySlug("no-such-article")).toBeNull();
  });

  it("shows a scheduled article once it is published and due", async () => {
    const id = (await getArticleIdBySlug(slugify(SCHEDULED.title)))!;
    const due = new Date(NOW.getTime() + 31 * 86_400_000);
    transaction((tx) => tx.update(articles).set({ status: "published" }).where(eq(articles.id, id)).run());
    try {
      expect(await getPublishedArticleById(id, NOW)).toBeNull();
      expect((await getPublishedArticleById(id, due))?.id).toBe(id);
    } finally {
      transaction((tx) => tx.update(articles).set({ status: "scheduled" }).where(eq(articles.id, id)).run());
    }
  });
});

describe("listPublishedArticlesByTag", () => {
  it("lists only published articles carrying the tag, newest first", async () => {
    const tag = db.select().from(tags).where(eq(tags.slug, "geopolitics")).get()!;
    const expected = [...DEMO_ARTICLES.slice(0, -2), { title: loadReferenceArticle().title, tags: REFERENCE_TAGS }]
      .filter((a) => a.tags.includes("Geopolitics"))
      .map((a) => slugify(a.title));
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const result = await listPublishedArticlesByTag(tag.id, { page, now: NOW });
      seen.push(...result.items.map((a) => a.slug));
      if (!result.hasNext) break;
    }
    expect(seen.sort()).toEqual(expected.sort());
  });

  it("is empty for a tag without published articles", async () => {
    expect((await listPublishedArticlesByTag(999_999, { page: 1, now: NOW })).items).toEqual([]);
  });
});

describe("listPublishedArticlesByAuthor", () => {
  it("lists the author's published articles", async () => {
    const author = db.select().from(authors).where(eq(authors.slug, "foreign-desk")).get()!;
    const result = await listPublishedArticlesByAuthor(author.id, { page: 1, now: NOW });
    expect(result.items.map((a) => a.slug)).toContain(REFERENCE_SLUG);
  });
});

describe("listRelatedArticles", () => {
  it("returns other published articles that share tags, never the article itself", async () => {
    const id = (await getArticleIdBySlug(REFERENCE_SLUG))!;
    const article = (await getPublishedArticleById(id, NOW))!;
    const related = await listRelatedArticles(id, article.tags.map((t) => t.id), NOW);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(4);
    expect(related.map((r) => r.id)).not.toContain(id);
    const firstFive = new Set(REFERENCE_TAGS.slice(0, 5).map((t) => slugify(t)));
    for (const r of related) {
      const source = DEMO_ARTICLES.find((a) => slugify(a.title) === r.slug)!;
      expect(source.tags.filter((t) => firstFive.has(slugify(t))), r.slug).not.toEqual([]);
    }
  });
});

describe("findRedirectTarget", () => {
  it("maps an old slug to its entity id, per kind", async () => {
    const id = (await getArticleIdBySlug(REFERENCE_SLUG))!;
    transaction((tx) => tx.insert(slugRedirects).values({ kind: "article", fromSlug: "old-russia-story", targetId: id }).run());
    expect(await findRedirectTarget("article", "old-russia-story")).toBe(id);
    expect(await findRedirectTarget("tag", "old-russia-story")).toBeNull();
    expect(await findRedirectTarget("article", "never-existed")).toBeNull();
  });
});

describe("query plans", () => {
  const plan = (sql: string, params: unknown[]) =>
    (sqlite().prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");

  it("walks an index in order for every listing (no full scan, no sort)", () => {
    const now = NOW.getTime();
    const frontPlan = plan(
      "select id from articles where status = 'published' and published_at <= ? order by published_at desc, id desc limit 11",
      [now],
    );
    expect(frontPlan).toMatch(/USING (COVERING )?INDEX articles_status_published_idx/);
    expect(frontPlan).not.toMatch(/TEMP B-TREE/);
    const tagPlan = plan(
      "select article_id from article_tags where tag_id = ? and published_at <= ? order by published_at desc, article_id desc limit 11",
      [1, now],
    );
    expect(tagPlan).toMatch(/USING (COVERING )?INDEX article_tags_tag_published_idx/);
    expect(tagPlan).not.toMatch(/TEMP B-TREE/);
    const authorPlan = plan(
      "select id from articles where author_id = ? and status = 'published' and published_at <= ? order by published_at desc, id desc limit 11",
      [1, now],
    );
    expect(authorPlan).toMatch(/USING (COVERING )?INDEX articles_author_status_published_idx/);
    expect(authorPlan).not.toMatch(/TEMP B-TREE/);
  });
});
