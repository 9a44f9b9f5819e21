import { asc, desc, eq, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { articleTags, tags } from "@/db/schema";

export type TagInfo = { id: number; name: string; slug: string; description: string };
export type TagWithCount = { name: string; slug: string; count: number };

export async function getTagBySlug(slug: string): Promise<TagInfo | null> {
  const row = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, slug))
    .get();
  return row ?? null;
}

export async function getTagById(id: number): Promise<TagInfo | null> {
  const row = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.id, id))
    .get();
  return row ?? null;
}

/** Published, due articles per tag, counted inside article_tags(tag_id, published_at). */
function countsQuery(now: Date) {
  const count = sql<number>`count(*)`.mapWith(Number);
  const counts = db
    .select({ tagId: articleTags.tagId, count: count.as("count") })
    .from(articleTags)
    .where(lte(articleTags.publishedAt, now))
    .groupBy(articleTags.tagId)
    .as("counts");
  return { counts, count: counts.count };
}

/** Every tag that has published articles, with counts, alphabetically (bounded by `limit`). */
export async function listTagsWithCounts(now: Date, limit = 5000): Promise<TagWithCount[]> {
  const { counts } = countsQuery(now);
  return db
    .select({ name: tags.name, slug: tags.slug, count: counts.count })
    .from(counts)
    .innerJoin(tags, eq(tags.id, counts.tagId))
    .orderBy(asc(sql`${tags.name} collate nocase`), asc(tags.id))
    .limit(limit)
    .all();
}

/** The most used tags, for the site navigation. */
export async function listTopTags(now: Date, limit = 8): Promise<TagWithCount[]> {
  const { counts } = countsQuery(now);
  return db
    .select({ name: tags.name, slug: tags.slug, count: counts.count })
    .from(counts)
    .innerJoin(tags, eq(tags.id, counts.tagId))
    .orderBy(desc(counts.count), asc(tags.name))
    .limit(limit)
    .all();
}
