import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { runMigrations, sqlite, transaction } from "@/db";
import { articles, articleTags, tags } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { explain, statementRecorder } from "@/scripts/bench/sql-plan";
import { listTagsWithCounts } from "./tags";

const NOW = new Date("2025-09-01T12:00:00Z");
const REFERENCE = "russia-becomes-first-nation-to-officially-recognize-taliban-government";

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: "http://localhost:3000/" });
});

/** The definition the trigger-kept counts must match: published, due articles per tag. */
function countedTheLongWay(now: Date): Record<string, number> {
  const rows = sqlite()
    .prepare(
      `select t.name, count(*) as n from article_tags x join tags t on t.id = x.tag_id
       join articles a on a.id = x.article_id
       where a.status = 'published' and a.published_at <= ? group by t.id`,
    )
    .all(now.getTime()) as { name: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

async function listed(now = NOW) {
  return Object.fromEntries((await listTagsWithCounts(now)).map((t) => [t.name, t.count]));
}

const idOf = (slug: string) => sqlite().prepare("select id from articles where slug = ?").pluck().get(slug) as number;
const tagId = (name: string) => sqlite().prepare("select id from tags where name = ?").pluck().get(name) as number;

describe("tag counts kept by triggers", () => {
  it("match a full count after seeding", async () => {
    expect(await listed()).toEqual(countedTheLongWay(NOW));
  });

  it("follow unpublishing, re-tagging, deleting and re-publishing", async () => {
    const id = idOf(REFERENCE);
    transaction((tx) => tx.update(articles).set({ status: "draft" }).where(eq(articles.id, id)).run());
    expect(await listed()).toEqual(countedTheLongWay(NOW));
    expect((await listed())["Gender Apartheid"]).toBeUndefined();

    transaction((tx) => tx.update(articles).set({ status: "published" }).where(eq(articles.id, id)).run());
    expect((await listed())["Gender Apartheid"]).toBe(1);

    // Moving a link to another tag moves its count.
    transaction((tx) =>
      tx.update(articleTags).set({ tagId: tagId("Economy") }).where(eq(articleTags.tagId, tagId("Gender Apartheid"))).run(),
    );
    expect(await listed()).toEqual(countedTheLongWay(NOW));

    transaction((tx) => tx.delete(articleTags).where(eq(articleTags.articleId, id)).run());
    expect(await listed()).toEqual(countedTheLongWay(NOW));

    const other = sqlite().prepare("select id from articles where status = 'published' and id <> ? limit 1").pluck().get(id) as number;
    transaction((tx) => tx.delete(articles).where(eq(articles.id, other)).run());
    expect(await listed()).toEqual(countedTheLongWay(NOW));
  });

  it("leave out articles marked published with a date still to come", async () => {
    const row = sqlite()
      .prepare("select id from articles where status = 'published' and published_at <= ? order by published_at desc limit 1")
      .get(NOW.getTime()) as { id: number };
    const later = new Date(NOW.getTime() + 86_400_000);
    transaction((tx) => tx.update(articles).set({ publishedAt: later }).where(eq(articles.id, row.id)).run());
    expect(await listed()).toEqual(countedTheLongWay(NOW));
    expect(await listed(new Date(later.getTime() + 1))).toEqual(countedTheLongWay(new Date(later.getTime() + 1)));
  });

  it("start at zero for a new tag", async () => {
    transaction((tx) => tx.insert(tags).values({ name: "Brand New", slug: "brand-new" }).run());
    expect((await listed())["Brand New"]).toBeUndefined();
  });
});

describe("the /tags listing's plan", () => {
  it("reads every tag alphabetically from the listing index alone, with no sort", async () => {
    const recorder = statementRecorder(sqlite());
    let statements;
    try {
      statements = await recorder.capture(() => listTagsWithCounts(NOW));
    } finally {
      recorder.restore();
    }
    const listing = explain(sqlite(), statements).find((s) => /from "tags"/.test(s.sql) && /collate nocase/.test(s.sql));
    expect(listing, statements.map((s) => s.sql).join("\n")).toBeDefined();
    expect(listing!.plan.join("\n")).toMatch(/SCAN tags USING COVERING INDEX tags_listing_idx/);
    expect(listing!.plan.join("\n")).not.toMatch(/TEMP B-TREE/);
  });
});
