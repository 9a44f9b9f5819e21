import { and, asc, count, desc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type DB } from "@/db";
import { articles, articleTags, authors, tags, users, type Article, type ArticleStatus } from "@/db/schema";
import { articleTextFilter } from "./search";

/**
 * Reads for the editors' article screens: every status, with filters. Lists are bounded
 * (page size × MAX_PAGE) and ordered through articles(updated_at, id) or
 * articles(status, published_at, id).
 */

export const ADMIN_PAGE_SIZE = 25;
export const ADMIN_MAX_PAGE = 2000;

export const ADMIN_STATUS_FILTERS = ["draft", "scheduled", "published", "late"] as const;
export type AdminStatusFilter = (typeof ADMIN_STATUS_FILTERS)[number];
export const ADMIN_SORTS = ["updated", "published"] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number];

export type AdminArticleFilters = {
  status?: AdminStatusFilter;
  tagId?: number;
  authorId?: number;
  /** Words to find in title, standfirst, body or tags (full-text, prefix match). */
  text?: string;
  sort?: AdminSort;
  page?: number;
};

export type AdminArticleRow = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  authorName: string;
  updatedByName: string | null;
  tags: string[];
  /** Scheduled and past due: the scheduler has not published it (yet). */
  late: boolean;
};

function whereOf(filters: AdminArticleFilters, now: Date): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.status === "late") {
    conditions.push(eq(articles.status, "scheduled"), lte(articles.publishedAt, now));
  } else if (filters.status) {
    conditions.push(eq(articles.status, filters.status));
  }
  if (filters.authorId) conditions.push(eq(articles.authorId, filters.authorId));
  if (filters.tagId) {
    conditions.push(
      inArray(articles.id, db.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, filters.tagId))),
    );
  }
  if (filters.text) {
    // Text without a searchable word matches nothing rather than everything.
    conditions.push(articleTextFilter(filters.text) ?? sql`0`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function listAdminArticles(
  filters: AdminArticleFilters,
  now: Date,
): Promise<{ rows: AdminArticleRow[]; total: number; page: number; pageCount: number }> {
  const page = Math.min(Math.max(1, Math.trunc(filters.page ?? 1) || 1), ADMIN_MAX_PAGE);
  const where = whereOf(filters, now);
  const onlyStatus = !filters.text && !filters.tagId && !filters.authorId;
  const total = onlyStatus
    ? (await countArticlesByStatus(now))[filters.status ?? "all"]
    : (db.select({ n: count() }).from(articles).where(where).get()?.n ?? 0);
  const editor = alias(users, "editor");
  // Descending, SQLite puts NULLs (drafts never published) last; both orders walk an index.
  const order =
    filters.sort === "published" ? [desc(articles.publishedAt), desc(articles.id)] : [desc(articles.updatedAt), desc(articles.id)];
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      authorName: authors.name,
      updatedByName: editor.name,
    })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(editor, eq(editor.id, articles.updatedBy))
    .where(where)
    .orderBy(...order)
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE)
    .all();
  const tagMap = new Map<number, string[]>();
  if (rows.length) {
    const tagRows = db
      .select({ articleId: articleTags.articleId, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(and(inArray(articleTags.articleId, rows.map((r) => r.id)), sql`${articleTags.position} < 4`))
      .orderBy(asc(articleTags.articleId), asc(articleTags.position))
      .all();
    for (const t of tagRows) (tagMap.get(t.articleId) ?? tagMap.set(t.articleId, []).get(t.articleId)!).push(t.name);
  }
  return {
    rows: rows.map((r) => ({
      ...r,
      tags: tagMap.get(r.id) ?? [],
      late: r.status === "scheduled" && r.publishedAt !== null && r.publishedAt.getTime() <= now.getTime(),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}

/**
 * How many articles have each status, plus how many scheduled ones are past due. Drafts and
 * scheduled articles are few (index ranges); published is the rest of the table, whose total
 * SQLite counts without walking rows.
 */
export async function countArticlesByStatus(now: Date): Promise<Record<AdminStatusFilter | "all", number>> {
  const countWhere = (where: SQL | undefined) => db.select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
  const all = countWhere(undefined);
  const draft = countWhere(eq(articles.status, "draft"));
  const scheduled = countWhere(eq(articles.status, "scheduled"));
  const late = countWhere(and(eq(articles.status, "scheduled"), lte(articles.publishedAt, now)));
  return { all, draft, scheduled, published: all - draft - scheduled, late };
}

/** Scheduled articles whose time has come by `now` (the scheduler's work list), oldest first. */
export async function listDueScheduledArticles(
  now: Date,
  limit = 100,
): Promise<{ id: number; title: string; publishedAt: Date }[]> {
  const rows = db
    .select({ id: articles.id, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, "scheduled"), lte(articles.publishedAt, now)))
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}

/** The next scheduled publication after `now`, if any (shown on the list). */
export async function getNextScheduledAt(now: Date): Promise<Date | null> {
  const row = db
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, "scheduled"), gt(articles.publishedAt, now)))
    .orderBy(asc(articles.publishedAt))
    .limit(1)
    .get();
  return row?.at ?? null;
}

export type ArticleTagRef = { id: number; name: string; slug: string };

/**
 * An article's tags in the order the editor gave them. Synchronous and handle-agnostic so the
 * write path can read it inside its transaction.
 */
export function articleTagListTx(tx: DB, articleId: number): ArticleTagRef[] {
  return tx
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.position))
    .all();
}

export type ArticleForEdit = Article & {
  tags: ArticleTagRef[];
  authorName: string;
  updatedByName: string | null;
};

export async function getArticleForEdit(id: number): Promise<ArticleForEdit | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const editor = alias(users, "editor");
  const row = db
    .select({ article: articles, authorName: authors.name, updatedByName: editor.name })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(editor, eq(editor.id, articles.updatedBy))
    .where(eq(articles.id, id))
    .get();
  if (!row) return null;
  return { ...row.article, tags: articleTagListTx(db, id), authorName: row.authorName, updatedByName: row.updatedByName };
}

/** Authors to choose from (bounded; a newsroom has tens, not thousands). */
export async function listAuthorOptions(limit = 1000): Promise<{ id: number; name: string; userId: number | null }[]> {
  return db
    .select({ id: authors.id, name: authors.name, userId: authors.userId })
    .from(authors)
    .orderBy(asc(authors.name))
    .limit(limit)
    .all();
}

/** The article as the preview shows it: any status, with its author and tags. */
export async function getArticleForPreview(id: number) {
  const a = await getArticleForEdit(id);
  if (!a) return null;
  const author = db.select({ id: authors.id, name: authors.name, slug: authors.slug }).from(authors).where(eq(authors.id, a.authorId)).get();
  return author ? { ...a, author } : null;
}
