import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { articles, articleTags, tags } from "@/db/schema";
import { preparedOnce } from "./prepared";

export type TagInfo = { id: number; name: string; slug: string; description: string };
export type TagWithCount = { name: string; slug: string; count: number };

const columns = { id: tags.id, name: tags.name, slug: tags.slug, description: tags.description };
const p = { slug: sql.placeholder("slug"), id: sql.placeholder("id"), now: sql.placeholder("now"), limit: sql.placeholder("limit") };
const count = sql<number>`count(*)`.mapWith(Number);

const bySlug = preparedOnce(() => db.select(columns).from(tags).where(eq(tags.slug, p.slug)).prepare());
const byId = preparedOnce(() => db.select(columns).from(tags).where(eq(tags.id, p.id)).prepare());

export async function getTagBySlug(slug: string): Promise<TagInfo | null> {
  return bySlug().get({ slug }) ?? null;
}

export async function getTagById(id: number): Promise<TagInfo | null> {
  return byId().get({ id }) ?? null;
}

// tags.published_count is kept by triggers (article_tags with a published_at), so listing every
// tag with its count reads the tags table alone.
const allCounts = preparedOnce(() =>
  db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, count: tags.publishedCount })
    .from(tags)
    .where(gt(tags.publishedCount, 0))
    .orderBy(asc(sql`${tags.name} collate nocase`), asc(tags.id))
    .limit(p.limit)
    .prepare(),
);

// The count includes articles marked published with a date still to come; readers must not see
// those. Normally there are none; they are found through articles(status, published_at).
const notYetDue = preparedOnce(() =>
  db
    .select({ tagId: articleTags.tagId, count })
    .from(articles)
    .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
    .where(and(eq(articles.status, "published"), gt(articles.publishedAt, p.now)))
    .groupBy(articleTags.tagId)
    .prepare(),
);

/** Every tag that has published, due articles, with counts, alphabetically (at most `limit`). */
export async function listTagsWithCounts(now: Date, limit = 5000): Promise<TagWithCount[]> {
  const early = new Map(notYetDue().all({ now: now.getTime() }).map((r) => [r.tagId, r.count]));
  return allCounts()
    .all({ limit })
    .map((t) => ({ name: t.name, slug: t.slug, count: t.count - (early.get(t.id) ?? 0) }))
    .filter((t) => t.count > 0);
}

const recentTop = preparedOnce(() => {
  const recent = db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, "published"), lte(articles.publishedAt, p.now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(sql.placeholder("recent"));
  return db
    .select({ name: tags.name, slug: tags.slug, count })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(sql`${articleTags.articleId} in ${recent}`)
    .groupBy(articleTags.tagId)
    .orderBy(desc(count), asc(tags.name))
    .limit(p.limit)
    .prepare();
});

/**
 * The tags most used by the latest `recent` published articles: what the site is covering now,
 * for the masthead navigation. Bounded by `recent`, whatever the archive's size.
 */
export async function listTopTags(now: Date, limit = 8, recent = 500): Promise<TagWithCount[]> {
  return recentTop().all({ now: now.getTime(), limit, recent });
}
