import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations, sqlite } from "@/db";
import { articles } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import {
  articleTextFilter,
  markedHtml,
  MAX_QUERY_TERMS,
  parseSearchPage,
  queryTerms,
  searchArticleIds,
  searchPublishedArticles,
  toFtsQuery,
} from "./search";

const NOW = new Date("2025-07-20T12:00:00Z");
const REFERENCE_SLUG = "russia-becomes-first-nation-to-officially-recognize-taliban-government";

beforeAll(async () => {
  runMigrations();
  await seedDemo({ now: NOW, siteUrl: "https://news.example.com" });
});

describe("query parsing", () => {
  it("keeps letters and digits only, each as a quoted term", () => {
    expect(queryTerms(`Taliban "recognition" AND NEAR(x y) * ^title:foo`)).toEqual([
      "Taliban",
      "recognition",
      "AND",
      "NEAR",
      "x",
      "y",
      "title",
      "foo",
    ]);
    expect(toFtsQuery(`"; DROP TABLE articles; --`)).toBe(`"DROP" "TABLE" "articles"`);
    expect(toFtsQuery("café 2025", { prefix: true })).toBe(`"café"* "2025"*`);
  });
  it("gives no query for input without words", () => {
    for (const input of ["", "   ", `""`, "*", "()", "--", "^", undefined, null, 42, ["taliban"]]) {
      expect(toFtsQuery(input)).toBeNull();
    }
  });
  it("bounds the number of terms and drops repeats", () => {
    expect(queryTerms("a b c d e f g h i j k l m n o p q").length).toBe(MAX_QUERY_TERMS);
    expect(queryTerms("Russia russia RUSSIA")).toEqual(["Russia"]);
  });
  it("parses page numbers strictly", () => {
    expect(parseSearchPage(undefined)).toBe(1);
    expect(parseSearchPage("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "abc", "99999", "51", ["2"]]) expect(parseSearchPage(bad)).toBeNull();
  });
});

describe("markedHtml", () => {
  it("escapes the text before inserting marks", () => {
    expect(markedHtml("a <script>\uE000x\uE001</script> & \"q\"")).toBe(
      "a &lt;script&gt;<mark>x</mark>&lt;/script&gt; &amp; &quot;q&quot;",
    );
  });
  it("keeps marks balanced whatever sentinels the text holds", () => {
    expect(markedHtml("\uE001a\uE000b\uE000c")).toBe("a<mark>bc</mark>");
  });
});

describe("searchPublishedArticles", () => {
  it("finds the reference article for 'Taliban recognition' with the match highlighted", async () => {
    const r = await searchPublishedArticles("Taliban recognition", { now: NOW });
    expect(r.hits[0]?.slug).toBe(REFERENCE_SLUG);
    expect(r.hits[0].titleHtml).toContain("<mark>Taliban</mark>");
    expect(r.hits[0].snippetHtml).toMatch(/<mark>(Taliban|recognition)<\/mark>/i);
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it("ranks a title match above body-only matches", async () => {
    const target = db.select().from(articles).where(eq(articles.status, "published")).limit(1).offset(5).get()!;
    const word = target.title.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    const r = await searchPublishedArticles(word, { now: NOW, pageSize: 50 });
    const titled = r.hits.filter((h) => h.title.toLowerCase().includes(word.toLowerCase()));
    expect(titled.length).toBeGreaterThan(0);
    const firstUntitled = r.hits.findIndex((h) => !h.title.toLowerCase().includes(word.toLowerCase()));
    if (firstUntitled !== -1) expect(firstUntitled).toBeGreaterThanOrEqual(titled.length);
  });

  it("returns only published, due articles", async () => {
    const hidden = db
      .select()
      .from(articles)
      .where(and(eq(articles.status, "draft")))
      .get()!;
    const words = hidden.title.split(/\s+/).slice(0, 4).join(" ");
    expect((await searchArticleIds(words)).includes(hidden.id)).toBe(true);
    const r = await searchPublishedArticles(words, { now: NOW, pageSize: 50 });
    expect(r.hits.map((h) => h.id)).not.toContain(hidden.id);
  });

  it("finds articles by tag name", async () => {
    const r = await searchPublishedArticles("Gender Apartheid", { now: NOW });
    expect(r.hits.map((h) => h.slug)).toContain(REFERENCE_SLUG);
  });

  it("escapes HTML from titles and bodies in results", async () => {
    const row = db
      .insert(articles)
      .values({
        slug: "xss-probe",
        title: `Zanzibar <img src=x onerror=alert(1)> </script>`,
        dek: "",
        body: `A zanzibar <b>bold</b> claim & "quotes" </mark><script>alert(2)</script>`,
        status: "published",
        publishedAt: new Date(NOW.getTime() - 1000),
        updatedAt: NOW,
        authorId: 1,
      })
      .returning({ id: articles.id })
      .get();
    const r = await searchPublishedArticles("zanzibar", { now: NOW });
    const hit = r.hits.find((h) => h.id === row.id)!;
    expect(hit.titleHtml).toBe("<mark>Zanzibar</mark> &lt;img src=x onerror=alert(1)&gt; &lt;/script&gt;");
    expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippetHtml).toContain("&lt;/mark&gt;&lt;script&gt;");
    db.delete(articles).where(eq(articles.id, row.id)).run();
    expect((await searchPublishedArticles("zanzibar", { now: NOW })).hits).toHaveLength(0);
  });

  it("treats hostile input as plain words and never throws", async () => {
    const inputs = [
      `"`,
      `"Taliban`,
      "Taliban AND",
      "AND OR NOT",
      "NEAR(",
      "NEAR(Taliban Russia, 2)",
      "*",
      "Tali*",
      "title:Taliban",
      "{title body}: x",
      "'; DROP TABLE articles; --",
      "1' OR '1'='1",
      "x".repeat(500),
      "Taliban ".repeat(100),
      "\u0000\uE000\uE001",
      "🙂 日本語 ñ",
      "",
    ];
    for (const input of inputs) {
      const r = await searchPublishedArticles(input, { now: NOW });
      expect(Array.isArray(r.hits)).toBe(true);
    }
    // Operators are words: "AND" must itself occur, so "Taliban AND" matches articles with "and".
    expect((await searchPublishedArticles("Taliban AND", { now: NOW })).hits[0]?.slug).toBe(REFERENCE_SLUG);
    expect((await searchPublishedArticles("NEAR(Taliban Russia, 2)", { now: NOW })).hits).toEqual([]);
    expect(sqlite().prepare("select count(*) as n from articles").get()).toMatchObject({ n: expect.any(Number) });
  });

  it("pages through results and refuses out-of-range pages", async () => {
    const first = await searchPublishedArticles("the", { now: NOW, pageSize: 5 });
    expect(first.hits).toHaveLength(5);
    expect(first.hasNext).toBe(true);
    const second = await searchPublishedArticles("the", { now: NOW, pageSize: 5, page: 2 });
    expect(second.hasPrevious).toBe(true);
    expect(second.hits.map((h) => h.id)).not.toEqual(expect.arrayContaining(first.hits.map((h) => h.id)));
    expect((await searchPublishedArticles("the", { now: NOW, page: 0 })).hits).toEqual([]);
    expect((await searchPublishedArticles("the", { now: NOW, page: 10_000 })).hits).toEqual([]);
  });
});

describe("articleTextFilter", () => {
  it("filters articles of any status by prefix words, and is undefined without words", async () => {
    expect(articleTextFilter("  ** ")).toBeUndefined();
    const draft = db.select().from(articles).where(eq(articles.status, "draft")).get()!;
    const firstWord = draft.title.split(/\s+/).find((w) => w.length > 5)!;
    const ids = db
      .select({ id: articles.id })
      .from(articles)
      .where(articleTextFilter(firstWord.slice(0, 4)))
      .all()
      .map((r) => r.id);
    expect(ids).toContain(draft.id);
    const none = db.select({ id: articles.id }).from(articles).where(articleTextFilter(`NEAR("qqqzzz"`)).all();
    expect(none).toEqual([]);
  });
});

describe("searchPublishedArticles with a common word (ranked by matched column, then date)", () => {
  const COMMON = { commonTermArticles: 0 };
  const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
  const add = (slug: string, fields: { title: string; dek?: string; body?: string }, publishedAt: Date) =>
    db
      .insert(articles)
      .values({ slug, dek: "", body: "Filler text.", ...fields, status: "published", publishedAt, updatedAt: NOW, authorId: 1 })
      .returning({ id: articles.id })
      .get().id;

  it("puts title matches first, then dek, then body, newest first within each", async () => {
    const bodyNew = add("q-body-new", { title: "Harbour report", body: "A quokka was seen." }, at(1));
    const titleOld = add("q-title-old", { title: "Quokka count rises" }, at(300));
    const dekMid = add("q-dek-mid", { title: "Island life", dek: "The quokka returns" }, at(100));
    const titleNew = add("q-title-new", { title: "Quokka spotted again" }, at(50));
    const bodyOld = add("q-body-old", { title: "Ferry times", body: "No quokka today." }, at(400));
    const common = await searchPublishedArticles("quokka", { now: NOW, ...COMMON });
    expect(common.hits.map((h) => h.id)).toEqual([titleNew, titleOld, dekMid, bodyNew, bodyOld]);
    expect(common.total).toBe(5);
    expect(common.hits[0].titleHtml).toBe("<mark>Quokka</mark> spotted again");
    // The same articles as the bm25 ranking finds, in an order of its own.
    const ranked = await searchPublishedArticles("quokka", { now: NOW });
    expect(new Set(ranked.hits.map((h) => h.id))).toEqual(new Set(common.hits.map((h) => h.id)));
  });

  it("needs every word, in the column that ranks it", async () => {
    const both = add("q-both", { title: "Quokka and wombat meet" }, at(10));
    const split = add("q-split", { title: "Wombat news", body: "And a quokka." }, at(5));
    add("q-one", { title: "Wombat alone" }, at(1));
    const r = await searchPublishedArticles("wombat quokka", { now: NOW, ...COMMON });
    expect(r.hits.map((h) => h.id)).toEqual([both, split]);
  });

  it("finds the reference article through its tags and keeps published-and-due only", async () => {
    const r = await searchPublishedArticles("Gender Apartheid", { now: NOW, ...COMMON, pageSize: 50 });
    expect(r.hits.map((h) => h.slug)).toContain(REFERENCE_SLUG);
    const future = add("q-future", { title: "Quokka tomorrow" }, new Date(NOW.getTime() + 3_600_000));
    expect((await searchPublishedArticles("quokka", { now: NOW, ...COMMON, pageSize: 50 })).hits.map((h) => h.id)).not.toContain(future);
  });

  it("pages through the same order and reads hostile input as words", async () => {
    const all = await searchPublishedArticles("quokka", { now: NOW, ...COMMON, pageSize: 50 });
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await searchPublishedArticles("quokka", { now: NOW, ...COMMON, page, pageSize: 2 })).hits);
    expect(pages.map((h) => h.id)).toEqual(all.hits.slice(0, 6).map((h) => h.id));
    for (const input of ['quokka" OR title:*', "quokka) NEAR(", "{title}: quokka", "'; DROP TABLE articles; --"]) {
      await expect(searchPublishedArticles(input, { now: NOW, ...COMMON })).resolves.toBeDefined();
    }
  });
});
