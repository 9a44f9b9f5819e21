import { and, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { db, sqlite } from "@/db";
import { articles, articleTags, authors, tags } from "@/db/schema";
import { articleBodyColumns, toArticleBody, type ArticleBody } from "./articles";

/**
 * Reads behind RSS feeds, sitemaps and the News sitemap. Every query is bounded and walks an
 * index: articles(status, published_at, id), article_tags(tag_id, published_at, article_id),
 * articles(author_id, status, published_at, id). Dates come back as ISO strings so results
 * survive the data cache unchanged.
 */

export const FEED_SIZE = 50;
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000;
export const NEWS_SITEMAP_MAX = 1000;
/** Largest batch a sitemap read returns at once (keeps each cached batch well under 2 MB). */
export const SITEMAP_BATCH = 10_000;

const isPublishedBy = (now: Date) => and(eq(articles.status, "published"), lte(articles.publishedAt, now));

export type FeedArticle = ArticleBody & {
  author: { name: string; slug: string };
  tags: { name: string; slug: string }[];
};

async function feedArticlesByIds(ids: number[]): Promise<FeedArticle[]> {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      ...articleBodyColumns,
      authorName: authors.name,
      authorSlug: authors.slug,
    })
    .from(articles)
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(inArray(articles.id, ids))
    .all();
  const tagRows = db
    .select({ articleId: articleTags.articleId, name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, ids))
    .orderBy(articleTags.articleId, articleTags.position)
    .all();
  const tagsOf = new Map<number, { name: string; slug: string }[]>();
  for (const { articleId, ...tag } of tagRows) {
    const list = tagsOf.get(articleId) ?? [];
    list.push(tag);
    tagsOf.set(articleId, list);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r?.publishedAt) return [];
    return [
      {
        ...toArticleBody(r, r.publishedAt),
        author: { name: r.authorName, slug: r.authorSlug },
        tags: tagsOf.get(r.id) ?? [],
      },
    ];
  });
}

/** The newest published articles, newest first, with body, author and tags (for RSS). */
export async function listFeedArticles(options: { now: Date; limit?: number }): Promise<FeedArticle[]> {
  const ids = db
    .select({ id: articles.id })
    .from(articles)
    .where(isPublishedBy(options.now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(Math.min(options.limit ?? FEED_SIZE, FEED_SIZE))
    .all()
    .map((r) => r.id);
  return feedArticlesByIds(ids);
}

export type FeedTag = { id: number; name: string; slug: string; description: string };

export async function getTagBySlug(slug: string): Promise<FeedTag | null> {
  const row = db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, slug))
    .get();
  return row ?? null;
}

/** The newest published articles carrying one tag, through article_tags(tag_id, published_at). */
export async function listFeedArticlesByTag(tagId: number, options: { now: Date; limit?: number }): Promise<FeedArticle[]> {
  const ids = db
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(and(eq(articleTags.tagId, tagId), lte(articleTags.publishedAt, options.now)))
    .orderBy(desc(articleTags.publishedAt), desc(articleTags.articleId))
    .limit(Math.min(options.limit ?? FEED_SIZE, FEED_SIZE))
    .all()
    .map((r) => r.id);
  return feedArticlesByIds(ids);
}

export type NewsSitemapArticle = { slug: string; title: string; publishedAt: string };

/** Articles published in the 48 hours up to `now`, newest first, at most 1,000. */
export async function listNewsSitemapArticles(options: { now: Date }): Promise<NewsSitemapArticle[]> {
  const since = new Date(options.now.getTime() - NEWS_SITEMAP_WINDOW_MS);
  const rows = db
    .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublishedBy(options.now), gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(NEWS_SITEMAP_MAX)
    .all();
  return rows.map((r) => ({ slug: r.slug, title: r.title, publishedAt: r.publishedAt!.toISOString() }));
}

export type SitemapCounts = {
  /** Published, due articles (at most `upTo + 1` when a bound was given). */
  articles: number;
  tags: number;
  authors: number;
  /** Newest publication or edit among published articles (the front page's lastmod). */
  latest: string | null;
  /** Highest id of a published article (sitemap files cover id ranges up to it), 0 if none. */
  lastArticleId: number;
};

/**
 * Sizes of the sitemap's parts; tags and authors count only when they have published articles.
 * Articles: the trigger-kept count of published ones (drizzle/0006) less those not yet due, an
 * index range over scheduled articles only. Counting the archive itself cost ~4 ms at 100,000.
 * `upTo` caps the figure (callers comparing against a limit need no more).
 */
export async function countSitemapEntries(options: { now: Date; upTo?: number }): Promise<SitemapCounts> {
  const now = options.now.getTime();
  const s = sqlite();
  const { n: published } = (s.prepare(`SELECT value AS n FROM counters WHERE name = 'published_articles'`).get() as
    | { n: number }
    | undefined) ?? { n: 0 };
  const { n: notDue } = s
    .prepare(
      `SELECT (SELECT count(*) FROM articles WHERE status = 'published' AND published_at > ?)
            + (SELECT count(*) FROM articles WHERE status = 'published' AND published_at IS NULL) AS n`,
    )
    .get(now) as { n: number };
  const articleCount = Math.max(0, published - notDue);
  const { n: tagCount } = s
    .prepare(
      `SELECT count(*) AS n FROM tags t
        WHERE EXISTS (SELECT 1 FROM article_tags x WHERE x.tag_id = t.id AND x.published_at <= ?)`,
    )
    .get(now) as { n: number };
  const { n: authorCount } = s
    .prepare(
      `SELECT count(*) AS n FROM authors au
        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.author_id = au.id AND a.status = 'published' AND a.published_at <= ?)`,
    )
    .get(now) as { n: number };
  // The newest few by publication time bound the scan; an older article edited later is
  // covered by its own entry's lastmod.
  const latest = s
    .prepare(
      `SELECT max(max(published_at, updated_at)) AS t FROM (
         SELECT published_at, updated_at FROM articles
          WHERE status = 'published' AND published_at <= ?
          ORDER BY published_at DESC, id DESC LIMIT 50)`,
    )
    .get(now) as { t: number | null };
  // Walks down the id index past any scheduled articles (few) to the newest due one.
  const last = s
    .prepare(
      `SELECT id FROM articles INDEXED BY articles_sitemap_idx
        WHERE status = 'published' AND published_at <= ? ORDER BY id DESC LIMIT 1`,
    )
    .get(now) as { id: number } | undefined;
  return {
    articles: options.upTo === undefined ? articleCount : Math.min(articleCount, options.upTo + 1),
    tags: tagCount,
    authors: authorCount,
    latest: latest.t === null ? null : new Date(latest.t).toISOString(),
    lastArticleId: last?.id ?? 0,
  };
}

export type SitemapEntry = { path: string; lastmod: string | null };

/**
 * Tags with published articles, by id, each with the time of its newest article. The inner LIMIT
 * keeps SQLite from flattening the subquery, which would look the lastmod up twice per tag.
 */
export async function listSitemapTags(options: { now: Date; offset: number; limit: number }): Promise<SitemapEntry[]> {
  const rows = sqlite()
    .prepare(
      `SELECT slug, lastmod FROM (
         SELECT t.id, t.slug,
                (SELECT x.published_at FROM article_tags x WHERE x.tag_id = t.id AND x.published_at <= ?
                  ORDER BY x.published_at DESC LIMIT 1) AS lastmod
           FROM tags t ORDER BY t.id LIMIT -1)
        WHERE lastmod IS NOT NULL LIMIT ? OFFSET ?`,
    )
    .all(options.now.getTime(), Math.min(options.limit, SITEMAP_BATCH), options.offset) as {
    slug: string;
    lastmod: number;
  }[];
  return rows.map((r) => ({ path: `/tags/${r.slug}`, lastmod: new Date(r.lastmod).toISOString() }));
}

/** Authors with published articles, by id, each with the time of their newest article. */
export async function listSitemapAuthors(options: { now: Date; offset: number; limit: number }): Promise<SitemapEntry[]> {
  const rows = sqlite()
    .prepare(
      `SELECT slug, lastmod FROM (
         SELECT au.id, au.slug,
                (SELECT a.published_at FROM articles a
                  WHERE a.author_id = au.id AND a.status = 'published' AND a.published_at <= ?
                  ORDER BY a.published_at DESC LIMIT 1) AS lastmod
           FROM authors au ORDER BY au.id LIMIT -1)
        WHERE lastmod IS NOT NULL LIMIT ? OFFSET ?`,
    )
    .all(options.now.getTime(), Math.min(options.limit, SITEMAP_BATCH), options.offset) as {
    slug: string;
    lastmod: number;
  }[];
  return rows.map((r) => ({ path: `/authors/${r.slug}`, lastmod: new Date(r.lastmod).toISOString() }));
}

/**
 * Which of the id ranges [(k-1)·size+1, k·size], k = 1…ceil(lastId/size), hold at least one
 * published article: one indexed probe per range, so the sitemap index never lists an empty file.
 */
export async function listSitemapArticleRanges(options: { now: Date; size: number; lastId: number }): Promise<number[]> {
  const size = Math.max(1, Math.floor(options.size));
  const probe = sqlite().prepare(
    `SELECT 1 FROM articles INDEXED BY articles_sitemap_idx
      WHERE status = 'published' AND id BETWEEN ? AND ? AND published_at <= ? LIMIT 1`,
  );
  const now = options.now.getTime();
  const ranges: number[] = [];
  for (let k = 1; (k - 1) * size < options.lastId; k++) {
    if (probe.get((k - 1) * size + 1, k * size, now)) ranges.push(k);
  }
  return ranges;
}

/**
 * Published articles with ids in [fromId, toId] (at most one batch of ids), by id, from the
 * covering index articles(status, id, published_at, updated_at, slug): a file of the sitemap
 * costs the same wherever it sits in the archive.
 */
export async function listSitemapArticleRange(options: { now: Date; fromId: number; toId: number }): Promise<SitemapEntry[]> {
  const toId = Math.min(options.toId, options.fromId + SITEMAP_BATCH - 1);
  const rows = sqlite()
    .prepare(
      `SELECT slug, published_at, updated_at FROM articles INDEXED BY articles_sitemap_idx
        WHERE status = 'published' AND id BETWEEN ? AND ? AND published_at <= ?
        ORDER BY id`,
    )
    .all(options.fromId, toId, options.now.getTime()) as { slug: string; published_at: number; updated_at: number }[];
  return rows.map((r) => ({
    path: `/articles/${r.slug}`,
    lastmod: new Date(Math.max(r.published_at, r.updated_at)).toISOString(),
  }));
}
