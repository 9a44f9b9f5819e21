import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, runMigrations } from "@/db";
import { articles, articleTags, authors, slugRedirects, tags, users } from "@/db/schema";
import { articleSchema } from "@/lib/validation/article";
import { tagSchema } from "@/lib/validation/tag";
import { createTag, deleteTag, mergeTags, updateTag } from "./tags";
import { saveArticle } from "./write";

const NOW = new Date("2030-03-01T10:00:00Z");
let editor: { id: number; name: string; email: string };
let authorId: number;

beforeAll(() => {
  runMigrations();
  editor = db.insert(users).values({ email: "e@example.com", name: "Ed", passwordHash: "x" }).returning().get();
  authorId = db.insert(authors).values({ slug: "desk", name: "Desk" }).returning().get().id;
});

async function article(title: string, tagNames: string[], intent: "publish" | "save" = "publish") {
  const parsed = articleSchema.parse({ title, authorId: String(authorId), tags: tagNames.map((n) => `new:${n}`), intent });
  const r = await saveArticle({ ...parsed, publishAtUtc: null, hero: { kind: "keep" } }, editor, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}
const tagsOf = (id: number) =>
  db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(articleTags.position)
    .all()
    .map((t) => t.name);
const tagId = (name: string) => db.select().from(tags).where(eq(tags.name, name)).get()!.id;
const redirect = (slug: string) =>
  db.select().from(slugRedirects).where(and(eq(slugRedirects.kind, "tag"), eq(slugRedirects.fromSlug, slug))).get()?.targetId;

describe("tag writes", () => {
  it("creates a tag with a generated slug and refuses a duplicate name", async () => {
    const r = await createTag(tagSchema.parse({ name: "Human Rights" }), editor);
    expect(r).toMatchObject({ ok: true, tag: { name: "Human Rights", slug: "human-rights" } });
    const dup = await createTag(tagSchema.parse({ name: "human rights" }), editor);
    expect(!dup.ok && dup.errors.name?.[0]).toMatch(/already exists/);
  });

  it("renames a tag; the old slug redirects and its articles follow", async () => {
    const a = await article("Kabul story", ["Kabul", "Asia"]);
    const id = tagId("Kabul");
    const r = await updateTag(id, tagSchema.parse({ name: "Kabul City", slug: "kabul-city", description: "The capital." }), editor);
    expect(r.ok && r.change).toEqual({ tagSlugs: ["kabul", "kabul-city"], articleIds: [a], authorSlugs: ["desk"] });
    expect(redirect("kabul")).toBe(id);
    expect(tagsOf(a)).toEqual(["Kabul City", "Asia"]);
    // Typing the old name on an article finds the renamed tag instead of creating a twin.
    const b = await article("Second Kabul story", ["Kabul"]);
    expect(tagsOf(b)).toEqual(["Kabul City"]);
  });

  it("refuses a rename onto another tag's slug", async () => {
    await createTag(tagSchema.parse({ name: "Europe" }), editor);
    const asia = tagId("Asia");
    const r = await updateTag(asia, tagSchema.parse({ name: "Asia", slug: "europe" }), editor);
    expect(!r.ok && r.errors.slug?.[0]).toMatch(/already used by the tag “Europe”/);
  });

  it("merges one tag into another, keeping order and the other tags, with a redirect", async () => {
    const one = await article("Merge one", ["Taliban", "Afghanistan", "Politics"]);
    const both = await article("Merge both", ["Afghan Govt", "Taliban"]);
    const draft = await article("Merge draft", ["Afghan Govt"], "save");
    const source = tagId("Taliban");
    const target = tagId("Afghan Govt");
    const r = await mergeTags(source, "afghan govt", editor);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tag.id).toBe(target);
    expect(r.change.tagSlugs).toEqual(["taliban", "afghan-govt"]);
    expect(r.change.articleIds.sort()).toEqual([one, both].sort()); // the draft is not public
    expect(tagsOf(one)).toEqual(["Afghan Govt", "Afghanistan", "Politics"]);
    expect(tagsOf(both)).toEqual(["Afghan Govt"]);
    expect(tagsOf(draft)).toEqual(["Afghan Govt"]);
    expect(db.select().from(tags).where(eq(tags.id, source)).get()).toBeUndefined();
    expect(redirect("taliban")).toBe(target);
    // The published copy in article_tags follows the article (triggers).
    const link = db.select().from(articleTags).where(and(eq(articleTags.articleId, one), eq(articleTags.tagId, target))).get();
    expect(link?.publishedAt).toEqual(NOW);
    expect(db.select().from(articles).where(eq(articles.id, one)).get()?.status).toBe("published");
  });

  it("refuses to merge into an unknown tag or itself", async () => {
    const id = tagId("Politics");
    expect(await mergeTags(id, "No Such Tag", editor)).toMatchObject({ ok: false, errors: { target: ["There is no tag named “No Such Tag”."] } });
    expect(await mergeTags(id, "politics", editor)).toMatchObject({ ok: false, errors: { target: ["Choose a different tag to merge into."] } });
  });

  it("deletes a tag; articles keep their other tags", async () => {
    const a = await article("Delete tag story", ["Doomed Tag", "Survivor"]);
    const r = await deleteTag(tagId("Doomed Tag"), editor);
    expect(r.ok && r.change.articleIds).toEqual([a]);
    expect(tagsOf(a)).toEqual(["Survivor"]);
  });
});
