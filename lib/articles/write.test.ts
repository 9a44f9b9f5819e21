import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import { listDueScheduledArticles } from "@/db/queries/admin-articles";
import { listRevisions } from "@/db/queries/revisions";
import { articles, articleTags, authors, auditLog, revisions, slugRedirects, tags, users } from "@/db/schema";
import { articleSchema } from "@/lib/validation/article";
import { deleteArticle, publishDueArticles, restoreRevision, saveArticle, type SaveArticleInput } from "./write";

let alice: { id: number; name: string; email: string };
let bob: { id: number; name: string; email: string };
let authorId: number;
let otherAuthorId: number;
const NOW = new Date("2030-03-01T10:00:00Z");

beforeAll(() => {
  runMigrations();
  const mk = (email: string, name: string) =>
    db.insert(users).values({ email, name, passwordHash: "x" }).returning({ id: users.id, name: users.name, email: users.email }).get();
  alice = mk("alice@example.com", "Alice Adams");
  bob = mk("bob@example.com", "Bob Brown");
  authorId = db.insert(authors).values({ slug: "desk", name: "Desk" }).returning().get().id;
  otherAuthorId = db.insert(authors).values({ slug: "other", name: "Other" }).returning().get().id;
});

function input(fields: Record<string, unknown>, extra: Partial<SaveArticleInput> = {}): SaveArticleInput {
  const parsed = articleSchema.parse({ authorId: String(authorId), body: "Body text.", ...fields });
  return { ...parsed, publishAtUtc: null, hero: { kind: "keep" }, ...extra };
}

async function create(fields: Record<string, unknown>, extra: Partial<SaveArticleInput> = {}) {
  const r = await saveArticle(input(fields, extra), alice, NOW);
  if (!r.ok) throw new Error(`save failed: ${JSON.stringify(r)}`);
  return r;
}

const row = (id: number) => db.select().from(articles).where(eq(articles.id, id)).get()!;
const tagNames = (id: number) =>
  db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(articleTags.position)
    .all()
    .map((t) => t.name);

describe("slugs", () => {
  it("generates the slug from the title and adds a suffix when it is taken", async () => {
    const a = await create({ title: "Women's Rights in Focus" });
    expect(a.slug).toBe("womens-rights-in-focus");
    const b = await create({ title: "Women’s rights in focus!" });
    expect(b.slug).toBe("womens-rights-in-focus-2");
  });

  it("refuses a hand-typed slug that another article uses, naming it, and writes nothing", async () => {
    await create({ title: "Original story", slug: "original-story" });
    const before = db.select().from(articles).all().length;
    const r = await saveArticle(input({ title: "Copycat", slug: "original-story", tags: ["new:Brand New Tag"] }), alice, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.slug?.[0]).toBe("This slug is already used by the article “Original story”. Choose another.");
    expect(db.select().from(articles).all().length).toBe(before);
    expect(db.select().from(tags).where(eq(tags.name, "Brand New Tag")).get()).toBeUndefined();
  });

  it("keeps a 301 from every old slug of a published article, and refuses to reuse them elsewhere", async () => {
    const a = await create({ title: "First headline", intent: "publish" });
    const v2 = await saveArticle(input({ title: "Second headline", slug: "second-headline" }, { id: a.id, version: a.version }), alice, NOW);
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.change?.slugs).toEqual(["first-headline", "second-headline"]);
    const v3 = await saveArticle(input({ title: "Third headline", slug: "third-headline" }, { id: a.id, version: v2.version }), alice, NOW);
    expect(v3.ok && v3.change?.slugs.sort()).toEqual(["first-headline", "second-headline", "third-headline"]);
    const redirects = db.select().from(slugRedirects).where(eq(slugRedirects.targetId, a.id)).all();
    expect(redirects.map((r) => r.fromSlug).sort()).toEqual(["first-headline", "second-headline"]);

    const thief = await saveArticle(input({ title: "Other", slug: "first-headline" }), alice, NOW);
    expect(!thief.ok && thief.errors.slug?.[0]).toMatch(/was the address of the article “Third headline”/);

    // Going back to an old slug: it answers directly again, no redirect loop.
    const back = await saveArticle(input({ title: "Third headline", slug: "first-headline" }, { id: a.id, version: 3 }), alice, NOW);
    expect(back.ok).toBe(true);
    const after = db.select().from(slugRedirects).where(eq(slugRedirects.targetId, a.id)).all();
    expect(after.map((r) => r.fromSlug).sort()).toEqual(["second-headline", "third-headline"]);
  });

  it("does not leave redirects behind for a draft that was never public", async () => {
    const d = await create({ title: "Draft title" });
    await saveArticle(input({ title: "Draft title", slug: "renamed-draft" }, { id: d.id, version: d.version }), alice, NOW);
    expect(db.select().from(slugRedirects).where(eq(slugRedirects.targetId, d.id)).all()).toEqual([]);
  });
});

describe("conflicts and revisions", () => {
  it("refuses a stale save, names who saved in between, and changes nothing", async () => {
    const a = await create({ title: "Shared story", body: "v1" });
    const bobSave = await saveArticle(input({ title: "Shared story", body: "Bob's text" }, { id: a.id, version: 1 }), bob, NOW);
    expect(bobSave.ok).toBe(true);
    const aliceStale = await saveArticle(input({ title: "Shared story", body: "Alice's text" }, { id: a.id, version: 1 }), alice, NOW);
    expect(aliceStale.ok).toBe(false);
    if (aliceStale.ok) return;
    expect(aliceStale.conflict).toMatchObject({ by: "Bob Brown", version: 2 });
    expect(row(a.id).body).toBe("Bob's text");
    expect(db.select().from(revisions).where(eq(revisions.articleId, a.id)).all()).toHaveLength(2);
  });

  it("keeps a revision per save and restores one as a new version", async () => {
    const a = await create({ title: "Revised", body: "first body", tags: ["new:Alpha", "new:Beta"], seoTitle: "SEO 1" });
    const v2 = await saveArticle(input({ title: "Revised again", body: "second body", tags: ["new:Gamma"] }, { id: a.id, version: 1 }), alice, NOW);
    if (!v2.ok) throw new Error("v2");
    const list = await listRevisions(a.id);
    expect(list.map((r) => [r.version, r.title, r.userName])).toEqual([
      [2, "Revised again", "Alice Adams"],
      [1, "Revised", "Alice Adams"],
    ]);
    const first = list[1];
    // A restore against a stale version is a conflict too.
    expect((await restoreRevision(a.id, first.id, 1, bob, NOW)).ok).toBe(false);
    const restored = await restoreRevision(a.id, first.id, 2, bob, NOW);
    expect(restored).toMatchObject({ ok: true, version: 3 });
    expect(row(a.id)).toMatchObject({ title: "Revised", body: "first body", seoTitle: "SEO 1", version: 3, updatedBy: bob.id });
    expect(tagNames(a.id)).toEqual(["Alpha", "Beta"]);
    expect((await listRevisions(a.id)).map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it("refuses a revision of another article", async () => {
    const a = await create({ title: "A one" });
    const b = await create({ title: "B one" });
    const revB = (await listRevisions(b.id))[0];
    const r = await restoreRevision(a.id, revB.id, a.version, alice, NOW);
    expect(r).toMatchObject({ ok: false, notFound: true });
  });
});

describe("status", () => {
  it("publishes now, keeps the first publication date on updates and after unpublishing", async () => {
    const a = await create({ title: "Status story" });
    expect(row(a.id)).toMatchObject({ status: "draft", publishedAt: null });
    expect(a.change).toBeNull(); // a draft: nothing public to expire
    const later = new Date(NOW.getTime() + 3_600_000);
    const pub = await saveArticle(input({ title: "Status story", intent: "publish", tags: ["new:Status Tag"] }, { id: a.id, version: 1 }), alice, NOW);
    expect(pub.ok && pub.change).toMatchObject({ id: a.id, slugs: ["status-story"], tagSlugs: ["status-tag"], authorSlugs: ["desk"] });
    expect(row(a.id)).toMatchObject({ status: "published", publishedAt: NOW });
    const moved = await saveArticle(input({ title: "Status story", authorId: String(otherAuthorId) }, { id: a.id, version: 2 }), alice, later);
    expect(moved.ok && moved.change?.authorSlugs).toEqual(["desk", "other"]);
    expect(moved.ok && moved.change?.tagSlugs).toEqual(["status-tag"]); // old and new tags: the same one
    expect(row(a.id).publishedAt).toEqual(NOW);
    await saveArticle(input({ title: "Status story", intent: "unpublish" }, { id: a.id, version: 3 }), alice, later);
    expect(row(a.id)).toMatchObject({ status: "draft", publishedAt: NOW });
    await saveArticle(input({ title: "Status story", intent: "publish" }, { id: a.id, version: 4 }), alice, later);
    expect(row(a.id)).toMatchObject({ status: "published", publishedAt: NOW });
  });

  it("refuses an unknown author or tag id beside the field, writing nothing", async () => {
    const count = db.select().from(articles).all().length;
    const r = await saveArticle(input({ title: "Bad refs", authorId: "999999", tags: ["id:888888"] }), alice, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.authorId?.[0]).toMatch(/Unknown author/);
    expect(r.errors.tags?.[0]).toMatch(/Unknown tag \(id 888888\)/);
    const onlyTag = await saveArticle(input({ title: "Bad tag", tags: ["new:Should Not Exist", "id:888888"] }), alice, NOW);
    expect(!onlyTag.ok && onlyTag.errors.tags).toBeDefined();
    expect(db.select().from(tags).where(eq(tags.name, "Should Not Exist")).get()).toBeUndefined();
    expect(db.select().from(articles).all().length).toBe(count);
  });

  it("records who did what in the audit log", async () => {
    const a = await create({ title: "Audited" });
    const entry = db.select().from(auditLog).where(eq(auditLog.entityId, String(a.id))).all().at(-1);
    expect(entry).toMatchObject({ action: "article.create", entityType: "article", userId: alice.id, actor: "alice@example.com" });
  });

  it("deletes an article with its revisions and redirects", async () => {
    const a = await create({ title: "Doomed", intent: "publish" });
    await saveArticle(input({ title: "Doomed", slug: "doomed-renamed" }, { id: a.id, version: 1 }), alice, NOW);
    const r = await deleteArticle(a.id, alice, NOW);
    expect(r.ok && r.change?.slugs.sort()).toEqual(["doomed", "doomed-renamed"]);
    expect(db.select().from(slugRedirects).where(eq(slugRedirects.targetId, a.id)).all()).toEqual([]);
    expect(db.select().from(revisions).where(eq(revisions.articleId, a.id)).all()).toEqual([]);
    expect((await deleteArticle(a.id, alice, NOW)).ok).toBe(false);
  });
});

describe("scheduler", () => {
  it("finds and publishes exactly the scheduled articles that are due by the injected clock", async () => {
    const t = (min: number) => new Date(NOW.getTime() + min * 60_000);
    const early = await create({ title: "Due early", intent: "schedule" }, { publishAtUtc: t(5) });
    const late = await create({ title: "Due later", intent: "schedule" }, { publishAtUtc: t(30) });
    expect(row(early.id)).toMatchObject({ status: "scheduled", publishedAt: t(5) });
    expect(early.change).toBeNull();

    expect(await listDueScheduledArticles(t(4))).toEqual([]);
    expect((await listDueScheduledArticles(t(5))).map((a) => a.title)).toEqual(["Due early"]);
    expect(await publishDueArticles(t(4))).toEqual([]);

    const changes = await publishDueArticles(t(10));
    expect(changes.map((c) => c.id)).toEqual([early.id]);
    expect(row(early.id)).toMatchObject({ status: "published", publishedAt: t(5), version: 1 });
    expect(row(late.id).status).toBe("scheduled");
    expect(await publishDueArticles(t(10))).toEqual([]);
    expect((await publishDueArticles(t(31))).map((c) => c.id)).toEqual([late.id]);
  });

  it("keeps a scheduled article scheduled on a plain save, refusing a past time", async () => {
    const s = await create({ title: "Reschedule me", intent: "schedule" }, { publishAtUtc: new Date(NOW.getTime() + 60_000) });
    const r = await saveArticle(input({ title: "Reschedule me" }, { id: s.id, version: 1, publishAtUtc: new Date(NOW.getTime() - 1) }), alice, NOW);
    expect(!r.ok && r.errors.publishAt?.[0]).toMatch(/future/);
    const ok = await saveArticle(input({ title: "Reschedule me" }, { id: s.id, version: 1, publishAtUtc: new Date(NOW.getTime() + 120_000) }), alice, NOW);
    expect(ok.ok).toBe(true);
    expect(row(s.id)).toMatchObject({ status: "scheduled", publishedAt: new Date(NOW.getTime() + 120_000) });
  });
});
