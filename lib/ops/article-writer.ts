import { eq, inArray } from "drizzle-orm";
import { transaction } from "@/db";
import { articles, articleTags, auditLog, authors, revisions, tags } from "@/db/schema";
import { slugify } from "@/lib/slug";

/** What the durability tests write: enough of an article to exercise every table a save touches. */
export type DraftArticle = { slug: string; title: string; body: string; tagNames: string[] };

/**
 * Somewhere articles can be saved. The durability tests drive a sink and only count a write once
 * `create` has resolved, so swapping the database sink for one that posts to the running server's
 * admin (once it exists) changes what is tested, not the test.
 */
export interface ArticleSink {
  create(article: DraftArticle): Promise<{ id: number }>;
  close(): Promise<void>;
}

const WRITER_AUTHOR = { slug: "durability-desk", name: "Durability Desk", bio: "" };

/**
 * Saves through the app's own database client: one IMMEDIATE transaction per article that
 * writes the article, its tags in order, a revision and an audit entry, as an editor's save does.
 */
export function databaseSink(): ArticleSink {
  return {
    async create(a) {
      const id = transaction((tx) => {
        tx.insert(authors).values(WRITER_AUTHOR).onConflictDoNothing().run();
        const author = tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, WRITER_AUTHOR.slug)).get()!;
        const now = new Date();
        const row = tx
          .insert(articles)
          .values({
            slug: a.slug,
            title: a.title,
            body: a.body,
            status: "published",
            publishedAt: now,
            updatedAt: now,
            authorId: author.id,
          })
          .returning({ id: articles.id })
          .get();
        for (const name of a.tagNames) {
          tx.insert(tags).values({ name, slug: slugify(name) }).onConflictDoNothing().run();
        }
        const tagRows = tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, a.tagNames)).all();
        const tagId = new Map(tagRows.map((t) => [t.name, t.id]));
        a.tagNames.forEach((name, position) => {
          tx.insert(articleTags).values({ articleId: row.id, tagId: tagId.get(name)!, position }).run();
        });
        tx.insert(revisions)
          .values({
            articleId: row.id,
            version: 1,
            title: a.title,
            slug: a.slug,
            dek: "",
            body: a.body,
            tags: JSON.stringify(a.tagNames),
            seoTitle: "",
            seoDescription: "",
            status: "published",
            publishedAt: now,
          })
          .run();
        tx.insert(auditLog)
          .values({ actor: "durability test", action: "article.create", entityType: "article", entityId: String(row.id) })
          .run();
        return row.id;
      });
      return { id };
    },
    async close() {},
  };
}
