import { and, asc, count, desc, eq, isNotNull, like, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { articleTags, tags, type Tag } from "@/db/schema";

/** Reads for the editors' tag screens and the article form's tag autocomplete. */

export const TAG_PAGE_SIZE = 50;

export type AdminTagRow = Pick<Tag, "id" | "name" | "slug" | "description"> & { articles: number; published: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Tags by name (or filtered by a name/slug fragment) with their article counts, paginated. */
export async function listAdminTags(options: { text?: string; page?: number }): Promise<{ rows: AdminTagRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), 1000);
  const text = options.text?.trim().slice(0, 80);
  const where = text
    ? or(sql`${tags.name} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`, like(tags.slug, `%${escapeLike(text)}%`))
    : undefined;
  const total = db.select({ n: count() }).from(tags).where(where).get()?.n ?? 0;
  const page_ = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(where)
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id))
    .limit(TAG_PAGE_SIZE)
    .offset((page - 1) * TAG_PAGE_SIZE)
    .all();
  const rows = page_.map((t) => {
    // Two index range counts per tag over article_tags(tag_id, published_at, …).
    const all = db.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, t.id)).get()?.n ?? 0;
    const published =
      db.select({ n: count() }).from(articleTags).where(and(eq(articleTags.tagId, t.id), isNotNull(articleTags.publishedAt))).get()?.n ?? 0;
    return { ...t, articles: all, published };
  });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)) };
}

export async function getTagForEdit(id: number): Promise<(Tag & { articles: number }) | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const tag = db.select().from(tags).where(eq(tags.id, id)).get();
  if (!tag) return null;
  const n = db.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, id)).get()?.n ?? 0;
  return { ...tag, articles: n };
}

/** Autocomplete: tags whose name starts with the text first, then those containing it. */
export async function suggestTags(text: string, limit = 10): Promise<Pick<Tag, "id" | "name" | "slug">[]> {
  const q = text.trim().slice(0, 80);
  if (!q) return [];
  const cols = { id: tags.id, name: tags.name, slug: tags.slug };
  const pattern = escapeLike(q);
  const starts = db
    .select(cols)
    .from(tags)
    .where(sql`${tags.name} LIKE ${`${pattern}%`} ESCAPE '\\'`)
    .orderBy(asc(tags.name))
    .limit(limit)
    .all();
  if (starts.length >= limit) return starts;
  const seen = new Set(starts.map((t) => t.id));
  const contains = db
    .select(cols)
    .from(tags)
    .where(sql`${tags.name} LIKE ${`%${pattern}%`} ESCAPE '\\'`)
    .orderBy(asc(tags.name))
    .limit(limit * 2)
    .all()
    .filter((t) => !seen.has(t.id));
  return [...starts, ...contains].slice(0, limit);
}

/** A tag by slug or exact name, for the article list's tag filter. */
export async function findTagBySlugOrName(text: string): Promise<Pick<Tag, "id" | "name" | "slug"> | null> {
  const q = text.trim().slice(0, 120);
  if (!q) return null;
  const cols = { id: tags.id, name: tags.name, slug: tags.slug };
  return (
    db.select(cols).from(tags).where(eq(tags.slug, q.toLowerCase())).get() ??
    db.select(cols).from(tags).where(sql`lower(${tags.name}) = lower(${q})`).orderBy(desc(tags.id)).get() ??
    null
  );
}
