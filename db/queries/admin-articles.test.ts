import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import { articles, articleTags, authors, tags } from "@/db/schema";
import { countArticlesByStatus, listAdminArticles, listDueScheduledArticles } from "./admin-articles";

const NOW = new Date("2030-06-01T12:00:00Z");
const min = (m: number) => new Date(NOW.getTime() + m * 60_000);
let a1: number;
let a2: number;
let tagId: number;

beforeAll(() => {
  runMigrations();
  a1 = db.insert(authors).values({ slug: "one", name: "One" }).returning().get().id;
  a2 = db.insert(authors).values({ slug: "two", name: "Two" }).returning().get().id;
  tagId = db.insert(tags).values({ slug: "harbours", name: "Harbours" }).returning().get().id;
  const rows = [
    { slug: "d1", title: "Draft about rivers", status: "draft", publishedAt: null, authorId: a1, updatedAt: min(-1) },
    { slug: "p1", title: "Harbour strike ends", status: "published", publishedAt: min(-100), authorId: a1, updatedAt: min(-50) },
    { slug: "p2", title: "Council budget", status: "published", publishedAt: min(-10), authorId: a2, updatedAt: min(-60) },
    { slug: "s1", title: "Scheduled eclipse", status: "scheduled", publishedAt: min(30), authorId: a2, updatedAt: min(-5) },
    { slug: "s2", title: "Late harbour piece", status: "scheduled", publishedAt: min(-3), authorId: a2, updatedAt: min(-70) },
  ] as const;
  for (const r of rows) {
    const id = db.insert(articles).values({ ...r, body: `${r.title} body` }).returning().get().id;
    if (r.slug === "p1" || r.slug === "s2") db.insert(articleTags).values({ articleId: id, tagId, position: 0 }).run();
  }
});

const titles = async (f: Parameters<typeof listAdminArticles>[0]) => (await listAdminArticles(f, NOW)).rows.map((r) => r.title);

describe("admin article list", () => {
  it("counts each status and the late ones by the given clock", async () => {
    expect(await countArticlesByStatus(NOW)).toEqual({ all: 5, draft: 1, scheduled: 2, published: 2, late: 1 });
    expect((await countArticlesByStatus(min(31))).late).toBe(2);
  });

  it("sorts by last update or by publication date (never-published last)", async () => {
    expect(await titles({})).toEqual(["Draft about rivers", "Scheduled eclipse", "Harbour strike ends", "Council budget", "Late harbour piece"]);
    expect(await titles({ sort: "published" })).toEqual([
      "Scheduled eclipse",
      "Late harbour piece",
      "Council budget",
      "Harbour strike ends",
      "Draft about rivers",
    ]);
  });

  it("filters by status, late, author, tag and text, and combines them", async () => {
    expect(await titles({ status: "draft" })).toEqual(["Draft about rivers"]);
    expect(await titles({ status: "late" })).toEqual(["Late harbour piece"]);
    expect(await titles({ authorId: a1 })).toEqual(["Draft about rivers", "Harbour strike ends"]);
    expect(await titles({ tagId })).toEqual(["Harbour strike ends", "Late harbour piece"]);
    expect(await titles({ text: "harb" })).toEqual(["Harbour strike ends", "Late harbour piece"]);
    expect(await titles({ text: "harbour", status: "scheduled" })).toEqual(["Late harbour piece"]);
    const page = await listAdminArticles({ text: "harbour", authorId: a2 }, NOW);
    expect(page).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(page.rows[0]).toMatchObject({ title: "Late harbour piece", late: true, tags: ["Harbours"], authorName: "Two" });
  });

  it("treats search text literally: operators and quotes cannot break the query", async () => {
    expect(await titles({ text: 'council* (budget' })).toEqual(["Council budget"]);
    expect(await titles({ text: '"council' })).toEqual(["Council budget"]);
    expect(await titles({ text: "***" })).toEqual([]);
  });

  it("clamps odd page numbers", async () => {
    expect((await listAdminArticles({ page: -3 }, NOW)).page).toBe(1);
    expect((await listAdminArticles({ page: 99 }, NOW)).rows).toEqual([]);
  });

  it("lists scheduled articles due by the injected clock, oldest first", async () => {
    expect((await listDueScheduledArticles(NOW)).map((a) => a.title)).toEqual(["Late harbour piece"]);
    expect((await listDueScheduledArticles(min(30))).map((a) => a.title)).toEqual(["Late harbour piece", "Scheduled eclipse"]);
    expect(await listDueScheduledArticles(min(-4))).toEqual([]);
  });
});
