import fs from "node:fs";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, runMigrations, sqlite } from "@/db";
import { articles, tags } from "@/db/schema";
import { env } from "@/lib/env";
import { ContentImportError, exportContent, importContent, validateContent } from "./content";
import type { ContentDocument } from "./content-schema";
import { seedSampleContent } from "./testing";

const now = new Date("2025-08-01T00:00:00.000Z");

/** Closes the database and moves it aside, so the next use opens a fresh, migrated one. */
function freshDatabase(): void {
  closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${env.DATABASE_PATH}${suffix}`, { force: true });
  runMigrations();
}

function articleCount(): number {
  return db.select({ n: count() }).from(articles).get()!.n;
}

function importError(input: unknown): ContentImportError {
  try {
    importContent(input);
  } catch (error) {
    if (error instanceof ContentImportError) return error;
    throw error;
  }
  throw new Error("import succeeded");
}

let original: ContentDocument;

beforeAll(() => {
  runMigrations();
  seedSampleContent();
  original = exportContent({ withRevisions: true, now });
});

describe("content export", () => {
  it("carries every kind of content with references by slug and tags in the article's order", () => {
    expect(original).toMatchObject({ format: "dateline-content", version: 1, exportedAt: now.toISOString() });
    expect(original.settings).toMatchObject({ siteName: "Dateline", siteUrl: "https://news.example.com" });
    expect(original.authors.map((a) => a.slug)).toEqual(["foreign-desk", "ana-souza"]);
    expect(original.articles.map((a) => [a.id, a.slug, a.author])).toEqual([
      [1, "russia-recognises", "foreign-desk"],
      [2, "draft-piece", "ana-souza"],
      [5, "scheduled-piece", "ana-souza"],
    ]);
    // Position order, not id order.
    expect(original.articles[0].tags).toEqual(["energy", "russia", "womens-rights"]);
    expect(original.articles[0]).toMatchObject({ title: "Russia recognises — «officially»", version: 3 });
    expect(original.adSlots[1]).toMatchObject({ key: "INLINE_2", active: false, placementIndex: 2 });
    expect([...original.adSlots[1].tags].sort()).toEqual(["energy", "russia"]);
    expect(original.redirects).toEqual([
      { kind: "article", fromSlug: "russia-recognises-taliban", to: "russia-recognises", createdAt: expect.any(String) },
      { kind: "tag", fromSlug: "womens-right", to: "womens-rights", createdAt: expect.any(String) },
    ]);
    expect(original.revisions).toHaveLength(1);
    expect(original.revisions![0]).toMatchObject({ article: "russia-recognises", tags: ["Energy", "Russia"] });
    expect(original.media).toHaveLength(1);
    expect(JSON.stringify(original)).not.toMatch(/passwordHash|ed@example\.com/);
    expect(exportContent({ now }).revisions).toBeUndefined();
  });
});

describe("content import", () => {
  it("refuses a database that already has content, writing nothing", () => {
    const error = importError(JSON.parse(JSON.stringify(original)));
    expect(error.message).toMatch(/already has content \(articles, tags, authors, ad slots/);
    expect(articleCount()).toBe(3);
  });

  it("round-trips: export → import into a fresh database → export again is identical", () => {
    const text = JSON.stringify(original, null, 2);
    freshDatabase();
    expect(articleCount()).toBe(0);

    const counts = importContent(JSON.parse(text));
    expect(counts).toEqual({
      settings: true,
      authors: 2,
      tags: 3,
      articles: 3,
      revisions: 1,
      redirects: 2,
      media: 1,
      adSlots: 2,
    });
    expect(JSON.stringify(exportContent({ withRevisions: true, now }), null, 2)).toBe(text);

    // Derived data the triggers maintain is rebuilt: full-text search and the tag listing index.
    const hits = sqlite().prepare("select rowid from articles_fts where articles_fts match 'womens'").all();
    expect(hits).toEqual([{ rowid: 1 }]);
    const listed = sqlite()
      .prepare("select article_id, published_at is not null as live from article_tags where tag_id = 1 order by article_id")
      .all();
    expect(listed).toEqual([
      { article_id: 1, live: 1 },
      { article_id: 5, live: 0 },
    ]);
    // New rows continue after the imported ids.
    const next = db.insert(tags).values({ name: "Next", slug: "next" }).returning({ id: tags.id }).get();
    expect(next.id).toBe(4);
  });

  it("reports every bad record with its path and writes nothing", () => {
    freshDatabase();
    const bad = JSON.parse(JSON.stringify(original)) as Record<string, any>;
    bad.articles[1].slug = "Not A Slug";
    bad.articles[2].author = "ghost";
    bad.articles[0].tags.push("energy");
    bad.articles[0].status = "bogus";
    bad.adSlots[0].linkUrl = "javascript:alert(1)";
    bad.tags[2].name = "RUSSIA";
    bad.redirects[0].to = "nowhere";
    delete bad.authors[1].name;
    bad.authors[0].extra = "?";

    const error = importError(bad);
    expect(error.message).toMatch(/problem\(s\); nothing was imported/);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\[1\]\.slug: must be lowercase words/),
        expect.stringMatching(/^articles\[0\]\.status: /),
        expect.stringMatching(/^adSlots\[0\]\.linkUrl: must be an http\(s\) URL/),
        expect.stringMatching(/^authors\[1\]\.name: /),
        expect.stringMatching(/^authors\[0\]: .*extra/),
      ]),
    );
    expect(articleCount()).toBe(0);

    // With the shape right, the cross-record checks speak up.
    const crossBad = JSON.parse(JSON.stringify(original)) as Record<string, any>;
    crossBad.articles[2].author = "ghost";
    crossBad.articles[0].tags.push("energy");
    crossBad.tags[2].name = "RUSSIA";
    crossBad.redirects[0].to = "nowhere";
    crossBad.redirects[1].fromSlug = "russia";
    crossBad.articles[2].id = 1;
    expect(importError(crossBad).issues.sort()).toEqual(
      [
        "articles[0].tags[3]: tag energy is listed twice",
        "articles[2].author: no author with slug ghost in this document",
        "articles[2].id: duplicate id 1 (also articles[0])",
        "redirects[0].to: no article with slug nowhere in this document",
        "redirects[1].fromSlug: russia is the current slug of a tag; it cannot also redirect",
        "tags[2].name: duplicate name RUSSIA (also tags[0])",
      ].sort(),
    );
    expect(validateContent({ format: "something-else" })).toMatchObject({ ok: false });
    expect(articleCount()).toBe(0);
  });

  it("rolls back every row when a write fails part-way", () => {
    freshDatabase();
    // A failure the validation cannot foresee, on the last table written.
    sqlite().exec("create temp trigger fail_ad_slots before insert on main.ad_slots begin select raise(abort, 'disk trouble'); end");
    expect(() => importContent(JSON.parse(JSON.stringify(original)))).toThrow(/disk trouble/);
    sqlite().exec("drop trigger fail_ad_slots");
    expect(articleCount()).toBe(0);
    expect(db.select({ n: count() }).from(tags).get()!.n).toBe(0);
    expect(importContent(JSON.parse(JSON.stringify(original))).articles).toBe(3);
  });
});
