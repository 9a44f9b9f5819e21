import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "@/db";

// A small newsroom: the same generator, a fraction of the articles.
process.env.BENCH_ARTICLES = "1500";

describe("generateNewsroom", () => {
  let counts: Record<string, number>;
  beforeAll(async () => {
    const { generateNewsroom } = await import("./generate");
    ({ counts } = await generateNewsroom({ siteUrl: "http://127.0.0.1:3871", now: new Date("2026-01-15T12:00:00Z") }));
  }, 60_000);

  it("creates the requested numbers of published articles, tags, authors and ad slots", async () => {
    const { matchesNewsroom } = await import("./generate");
    expect(counts).toMatchObject({ publishedArticles: 1500, tags: 2000, authors: 200, adSlots: 20 });
    // Plus the drafts and scheduled pieces (the demo seed has one of each too).
    expect(counts.articles).toBe(1500 + 400 + 100 + 2);
    expect(matchesNewsroom(counts)).toBe(true);
  });

  it("keeps the reference article and goes through the app's triggers", () => {
    const s = sqlite();
    expect(s.prepare("select count(*) from articles where slug = 'russia-becomes-first-nation-to-officially-recognize-taliban-government'").pluck().get()).toBe(1);
    // article_tags.published_at is filled by trigger for published articles only.
    expect(s.prepare("select count(*) from article_tags x join articles a on a.id = x.article_id where a.status = 'published' and x.published_at is null").pluck().get()).toBe(0);
    expect(s.prepare("select count(*) from article_tags x join articles a on a.id = x.article_id where a.status <> 'published' and x.published_at is not null").pluck().get()).toBe(0);
    // Every article is in the full-text index, its tags included.
    expect(s.prepare("select count(*) from articles_fts").pluck().get()).toBe(counts.articles);
    expect(s.prepare("select count(*) from articles_fts where tags = ''").pluck().get()).toBe(0);
  });

  it("skews tags the way a newsroom does, bodies 3-15 paragraphs, a surge in the last 48 hours", () => {
    const s = sqlite();
    const perTag = s.prepare("select count(*) as n from article_tags where published_at is not null group by tag_id order by n desc").pluck().all() as number[];
    expect(perTag[0]).toBeGreaterThan(counts.publishedArticles * 0.3);
    expect(perTag[Math.floor(perTag.length / 2)]).toBeLessThan(perTag[0] / 50);
    const paragraphs = s.prepare("select min(n), max(n) from (select length(body) - length(replace(body, char(10) || char(10), '')) as n from articles where id > 60)").raw().get() as number[];
    expect(paragraphs[0] / 2 + 1).toBeGreaterThanOrEqual(3);
    expect(paragraphs[1] / 2 + 1).toBeLessThanOrEqual(15);
    const since = new Date("2026-01-13T12:00:00Z").getTime();
    const recent = s.prepare("select count(*) from articles where status = 'published' and published_at >= ?").pluck().get(since) as number;
    expect(recent).toBeGreaterThanOrEqual(1000);
  });
});
