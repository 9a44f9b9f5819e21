import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import { articles, slugRedirects, tags } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { isMissingSearchPage, readerPathAnswer } from "./moved";

const NOW = new Date("2025-09-01T12:00:00Z");
const REFERENCE = "russia-becomes-first-nation-to-officially-recognize-taliban-government";

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: "http://localhost:3000/" });
});

describe("readerPathAnswer", () => {
  it("lets published articles, tags with articles and authors render", async () => {
    for (const path of [`/articles/${REFERENCE}`, "/tags/russia", "/tags/russia/feed.xml", "/authors/elena-marsh"]) {
      expect(await readerPathAnswer(path, NOW), path).toBeNull();
    }
  });

  it("leaves every other URL alone", async () => {
    for (const path of ["/", "/search", "/tags", "/page/2", "/feed.xml", "/admin/articles"]) {
      expect(await readerPathAnswer(path, NOW), path).toBeNull();
    }
  });

  it("marks unknown and malformed slugs missing", async () => {
    for (const path of ["/articles/no-such-story", "/tags/no-such-topic/page/2", "/authors/nobody", "/articles/Not_A_Slug"]) {
      expect(await readerPathAnswer(path, NOW), path).toEqual({ missing: true });
    }
  });

  it("marks drafts, articles not yet due and tags without published articles missing", async () => {
    const draft = db.select().from(articles).where(eq(articles.status, "draft")).get()!;
    expect(await readerPathAnswer(`/articles/${draft.slug}`, NOW)).toEqual({ missing: true });
    const scheduled = db.select().from(articles).where(eq(articles.status, "scheduled")).get()!;
    expect(await readerPathAnswer(`/articles/${scheduled.slug}`, NOW)).toEqual({ missing: true });
    const empty = db.insert(tags).values({ name: "Empty Topic", slug: "empty-topic" }).returning().get();
    expect(await readerPathAnswer(`/tags/${empty.slug}`, NOW)).toEqual({ missing: true });
  });

  it("sends renamed slugs to the current one, keeping the rest of the path", async () => {
    const article = db.select().from(articles).where(eq(articles.slug, REFERENCE)).get()!;
    const tag = db.select().from(tags).where(eq(tags.slug, "russia")).get()!;
    db.insert(slugRedirects)
      .values([
        { kind: "article", fromSlug: "russia-recognizes-taliban", targetId: article.id },
        { kind: "tag", fromSlug: "russian-federation", targetId: tag.id },
      ])
      .run();
    expect(await readerPathAnswer("/articles/russia-recognizes-taliban", NOW)).toEqual({ moved: `/articles/${REFERENCE}` });
    expect(await readerPathAnswer("/tags/russian-federation/page/2", NOW)).toEqual({ moved: "/tags/russia/page/2" });
  });
});

describe("readerPathAnswer on page numbers", () => {
  it("marks page numbers that are not one missing, and leaves real ones to the page", async () => {
    for (const path of ["/page/abc", "/page/0", "/page/007", "/page/99999999", "/tags/russia/page/-1", "/authors/elena-marsh/page/x"]) {
      expect(await readerPathAnswer(path, NOW), path).toEqual({ missing: true });
    }
    for (const path of ["/page/2", "/page/1", "/tags/russia/page/1"]) {
      expect(await readerPathAnswer(path, NOW), path).toBeNull();
    }
  });

  it("marks pages past a listing's last page missing", async () => {
    const published = db.select().from(articles).where(eq(articles.status, "published")).all().length;
    const lastFront = Math.ceil(published / 10);
    expect(await readerPathAnswer(`/page/${lastFront}`, NOW)).toBeNull();
    expect(await readerPathAnswer(`/page/${lastFront + 1}`, NOW)).toEqual({ missing: true });
    expect(await readerPathAnswer("/tags/russia/page/2", NOW)).toEqual({ missing: true });
    expect(await readerPathAnswer("/authors/elena-marsh/page/2", NOW)).toBeNull();
    expect(await readerPathAnswer("/authors/elena-marsh/page/9", NOW)).toEqual({ missing: true });
  });
});

describe("isMissingSearchPage", () => {
  it("flags search page numbers that are not one, and only on /search", () => {
    const missing = (path: string, query: string) => isMissingSearchPage(path, new URLSearchParams(query));
    for (const q of ["q=x&page=abc", "q=x&page=0", "q=x&page=51", "page=-1"]) expect(missing("/search", q), q).toBe(true);
    for (const q of ["q=x", "q=x&page=", "q=x&page=2", "page=50"]) expect(missing("/search", q), q).toBe(false);
    expect(missing("/", "page=abc")).toBe(false);
  });
});
