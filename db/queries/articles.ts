import { and, desc, eq, lte, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { articles, articleTags, authors, media, tags, type Article } from "@/db/schema";
import { idList, preparedOnce } from "./prepared";

/**
 * Public article reads. Every list is bounded (LIMIT, and OFFSET capped by MAX_PAGE) and walks an
 * index in order: articles(status, published_at, id) for the front page,
 * article_tags(tag_id, published_at, article_id) for tags, articles(author_id, status, …) for authors.
 * Results are plain JSON (dates as ISO strings) so they survive the data cache unchanged.
 */

export const PAGE_SIZE = 10;
/** Deepest page a listing serves, so an OFFSET never walks more than MAX_PAGE × PAGE_SIZE rows. */
export const MAX_PAGE = 1000;
/** Tags shown beside an article in lists (the article page shows them all). */
const LIST_TAGS = 3;

export type TagRef = { name: string; slug: string };

export type ArticleSummary = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  publishedAt: string;
  /** The article's first tags, in their stored order. */
  tags: TagRef[];
};

export type ArticleListPage = {
  items: ArticleSummary[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
};

/** The fields every public reading of a whole article carries (page, feeds), dates as ISO strings. */
export type ArticleBody = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  body: string;
  publishedAt: string;
  updatedAt: string;
  heroImage: string | null;
  heroAlt: string;
};

/** The columns behind ArticleBody, for selects that do not take the whole row. */
export const articleBodyColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  dek: articles.dek,
  body: articles.body,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  heroImage: articles.heroImage,
  heroAlt: articles.heroAlt,
};

type ArticleBodyRow = Pick<Article, "id" | "slug" | "title" | "dek" | "body" | "updatedAt" | "heroImage" | "heroAlt">;

/** ArticleBody from a row; `publishedAt` is passed apart because only published rows qualify. */
export function toArticleBody(a: ArticleBodyRow, publishedAt: Date): ArticleBody {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    dek: a.dek,
    body: a.body,
    publishedAt: publishedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    heroImage: a.heroImage,
    heroAlt: a.heroAlt,
  };
}

export type ArticleDetail = ArticleBody & {
  heroCaption: string;
  seoTitle: string;
  seoDescription: string;
  author: { id: number; name: string; slug: string };
  /** All tags in their stored order. */
  tags: (TagRef & { id: number })[];
  /** Pixel size of an uploaded hero image (for `srcset` and a reserved box); null otherwise. */
  heroSize: { width: number; height: number } | null;
};

/** URL prefix of uploaded files (the media route). */
const MEDIA_PREFIX = "/media/";

type PageOptions = { page: number; now: Date; pageSize?: number };

const p = {
  now: sql.placeholder("now"),
  limit: sql.placeholder("limit"),
  offset: sql.placeholder("offset"),
  ids: sql.placeholder("ids"),
  id: sql.placeholder("id"),
  tagId: sql.placeholder("tagId"),
  authorId: sql.placeholder("authorId"),
  slug: sql.placeholder("slug"),
  perArticle: sql.placeholder("perArticle"),
};
const isPublishedBy = (now: typeof p.now) => and(eq(articles.status, "published"), lte(articles.publishedAt, now));
const inIds = (column: typeof articles.id | typeof articleTags.articleId) => sql`${column} in (select value from json_each(${p.ids}))`;

// Listing walks: ids only, inside a covering index; rows are then fetched by id.
const frontIds = preparedOnce(() =>
  db
    .select({ id: articles.id })
    .from(articles)
    .where(isPublishedBy(p.now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(p.limit)
    .offset(p.offset)
    .prepare(),
);
// article_tags.published_at is null unless the article is published (kept by triggers).
const tagIds = preparedOnce(() =>
  db
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(and(eq(articleTags.tagId, p.tagId), lte(articleTags.publishedAt, p.now)))
    .orderBy(desc(articleTags.publishedAt), desc(articleTags.articleId))
    .limit(p.limit)
    .offset(p.offset)
    .prepare(),
);
const authorIds = preparedOnce(() =>
  db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.authorId, p.authorId), isPublishedBy(p.now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(p.limit)
    .offset(p.offset)
    .prepare(),
);
const summaryRows = preparedOnce(() =>
  db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, dek: articles.dek, publishedAt: articles.publishedAt })
    .from(articles)
    .where(inIds(articles.id))
    .prepare(),
);
const tagRows = preparedOnce(() =>
  db
    .select({ articleId: articleTags.articleId, id: tags.id, name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(and(inIds(articleTags.articleId), sql`${articleTags.position} < ${p.perArticle}`))
    .orderBy(articleTags.articleId, articleTags.position)
    .prepare(),
);
const idBySlug = preparedOnce(() => db.select({ id: articles.id }).from(articles).where(eq(articles.slug, p.slug)).prepare());
const publishedById = preparedOnce(() =>
  db
    .select({
      article: articles,
      author: { id: authors.id, name: authors.name, slug: authors.slug },
      heroWidth: media.width,
      heroHeight: media.height,
    })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    // Uploaded heroes are stored as `/media/<path>`; media.path is unique, so this is one index probe.
    .leftJoin(media, eq(media.path, sql`substr(${articles.heroImage}, ${MEDIA_PREFIX.length + 1})`))
    .where(and(eq(articles.id, p.id), isPublishedBy(p.now)))
    .prepare(),
);
const latestInTag = preparedOnce(() =>
  db
    .select({ id: articleTags.articleId, at: articleTags.publishedAt })
    .from(articleTags)
    .where(and(eq(articleTags.tagId, p.tagId), lte(articleTags.publishedAt, p.now), ne(articleTags.articleId, p.id)))
    .orderBy(desc(articleTags.publishedAt), desc(articleTags.articleId))
    .limit(p.limit)
    .prepare(),
);

function pageWindow({ page, pageSize = PAGE_SIZE }: PageOptions) {
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) return null;
  // One extra row tells whether a next page exists without counting the whole table.
  return { limit: pageSize + 1, offset: (page - 1) * pageSize, pageSize };
}

type FullTag = TagRef & { id: number };

/** Tags of the given articles, in stored order, at most `perArticle` each. */
async function tagsByArticle(ids: number[], perArticle = 1000): Promise<Map<number, FullTag[]>> {
  const out = new Map<number, FullTag[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  for (const { articleId, ...tag } of tagRows().all({ ids: idList(ids), perArticle })) out.get(articleId)?.push(tag);
  return out;
}

/** Loads summaries for ids already in display order (the deferred half of an index walk). */
async function summariesInOrder(ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const byId = new Map(summaryRows().all({ ids: idList(ids) }).map((r) => [r.id, r]));
  const tagMap = await tagsByArticle(ids, LIST_TAGS);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r || !r.publishedAt) return [];
    const tagsOf = (tagMap.get(id) ?? []).map(({ name, slug }) => ({ name, slug }));
    return [{ id: r.id, slug: r.slug, title: r.title, dek: r.dek, publishedAt: r.publishedAt.toISOString(), tags: tagsOf }];
  });
}

async function toPage(ids: number[], options: PageOptions, pageSize: number): Promise<ArticleListPage> {
  return {
    items: await summariesInOrder(ids.slice(0, pageSize)),
    page: options.page,
    hasPrevious: options.page > 1,
    hasNext: ids.length > pageSize,
  };
}

const EMPTY = (page: number): ArticleListPage => ({ items: [], page, hasPrevious: page > 1, hasNext: false });

/** Published articles, newest first: the front page and /page/N. */
export async function listPublishedArticles(options: PageOptions): Promise<ArticleListPage> {
  const w = pageWindow(options);
  if (!w) return EMPTY(options.page);
  const ids = frontIds().all({ now: options.now.getTime(), limit: w.limit, offset: w.offset }).map((r) => r.id);
  return toPage(ids, options, w.pageSize);
}

/** Published articles carrying a tag, newest first, through article_tags(tag_id, published_at). */
export async function listPublishedArticlesByTag(tagId: number, options: PageOptions): Promise<ArticleListPage> {
  const w = pageWindow(options);
  if (!w) return EMPTY(options.page);
  const ids = tagIds().all({ tagId, now: options.now.getTime(), limit: w.limit, offset: w.offset }).map((r) => r.id);
  return toPage(ids, options, w.pageSize);
}

/** Published articles by one author, newest first. */
export async function listPublishedArticlesByAuthor(authorId: number, options: PageOptions): Promise<ArticleListPage> {
  const w = pageWindow(options);
  if (!w) return EMPTY(options.page);
  const ids = authorIds().all({ authorId, now: options.now.getTime(), limit: w.limit, offset: w.offset }).map((r) => r.id);
  return toPage(ids, options, w.pageSize);
}

/** The id behind a current slug, whatever the article's status (the page decides visibility). */
export async function getArticleIdBySlug(slug: string): Promise<number | null> {
  return idBySlug().get({ slug })?.id ?? null;
}

/** A published, due article with its author and all its tags in order; null otherwise. */
export async function getPublishedArticleById(id: number, now: Date): Promise<ArticleDetail | null> {
  const row = publishedById().get({ id, now: now.getTime() });
  const a = row?.article;
  if (!row || !a?.publishedAt) return null;
  const tagList = (await tagsByArticle([a.id])).get(a.id) ?? [];
  return {
    ...toArticleBody(a, a.publishedAt),
    heroCaption: a.heroCaption,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    author: row.author,
    tags: tagList,
    heroSize: a.heroImage?.startsWith(MEDIA_PREFIX) && row.heroWidth && row.heroHeight ? { width: row.heroWidth, height: row.heroHeight } : null,
  };
}

/**
 * Articles sharing tags with this one: the newest few of each of its first tags, ranked by how
 * many tags they share, then by recency. Bounded: at most `perTag` index rows per tag.
 */
export async function listRelatedArticles(
  articleId: number,
  tagIdList: number[],
  now: Date,
  limit = 4,
  perTag = 12,
): Promise<ArticleSummary[]> {
  const score = new Map<number, { shared: number; at: number }>();
  for (const tagId of tagIdList.slice(0, 5)) {
    for (const r of latestInTag().all({ tagId, now: now.getTime(), id: articleId, limit: perTag })) {
      const prev = score.get(r.id);
      score.set(r.id, { shared: (prev?.shared ?? 0) + 1, at: r.at?.getTime() ?? 0 });
    }
  }
  const ids = [...score.entries()]
    .sort(([ia, a], [ib, b]) => b.shared - a.shared || b.at - a.at || ib - ia)
    .slice(0, limit)
    .map(([id]) => id);
  return summariesInOrder(ids);
}
