import { Readable } from "node:stream";
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from "sitemap";
import {
  countSitemapEntries,
  listSitemapArticles,
  listSitemapAuthors,
  listSitemapTags,
  sitemapArticleCursorAt,
  SITEMAP_BATCH,
  type ArticleCursor,
  type NewsSitemapArticle,
  type SitemapArticle,
  type SitemapCounts,
  type SitemapEntry,
} from "@/db/queries/feeds";
import { absoluteUrl, normalizeSiteUrl, sitePaths } from "@/lib/site-urls";

/**
 * Sitemaps: the front page, the tag index, every tag and author with published articles and
 * every published article (oldest first, so earlier files rarely change), with lastmod. Up to
 * `maxUrls` URLs /sitemap.xml is the list itself; past that it is an index of /sitemaps/N.xml,
 * each holding at most `maxUrls` URLs.
 */
export const SITEMAP_MAX_URLS = 50_000;

/** Where the entries come from: the queries directly, or their cached wrappers. */
export type SitemapSource = {
  counts(): Promise<SitemapCounts>;
  tags(offset: number, limit: number): Promise<SitemapEntry[]>;
  authors(offset: number, limit: number): Promise<SitemapEntry[]>;
  articleCursorAt(offset: number): Promise<ArticleCursor | null>;
  articles(after: ArticleCursor | null, limit: number): Promise<SitemapArticle[]>;
};

export function querySitemapSource(now: Date): SitemapSource {
  return {
    counts: () => countSitemapEntries({ now }),
    tags: (offset, limit) => listSitemapTags({ now, offset, limit }),
    authors: (offset, limit) => listSitemapAuthors({ now, offset, limit }),
    articleCursorAt: (offset) => sitemapArticleCursorAt({ now, offset }),
    articles: (after, limit) => listSitemapArticles({ now, after, limit }),
  };
}

const FIXED_PAGES = 2;

export function sitemapTotal(counts: SitemapCounts): number {
  return FIXED_PAGES + counts.tags + counts.authors + counts.articles;
}

/** Number of child sitemaps, or 0 when everything fits in /sitemap.xml itself. */
export function sitemapChunkCount(counts: SitemapCounts, maxUrls = SITEMAP_MAX_URLS): number {
  const total = sitemapTotal(counts);
  return total <= maxUrls ? 0 : Math.ceil(total / maxUrls);
}

/** The part of [segStart, segStart+segLength) inside [start, end), relative to the segment. */
function overlap(segStart: number, segLength: number, start: number, end: number) {
  const from = Math.max(start, segStart);
  const to = Math.min(end, segStart + segLength);
  return to > from ? { offset: from - segStart, count: to - from } : null;
}

async function pagedEntries(
  part: { offset: number; count: number },
  read: (offset: number, limit: number) => Promise<SitemapEntry[]>,
): Promise<SitemapEntry[]> {
  const out: SitemapEntry[] = [];
  while (out.length < part.count) {
    const batch = await read(part.offset + out.length, Math.min(SITEMAP_BATCH, part.count - out.length));
    out.push(...batch);
    if (batch.length === 0) break;
  }
  return out;
}

/** Entries at positions [start, end) of the whole sitemap, as site paths. */
export async function sitemapEntries(
  source: SitemapSource,
  counts: SitemapCounts,
  start: number,
  end: number,
): Promise<SitemapEntry[]> {
  const out: SitemapEntry[] = [];
  const fixed: SitemapEntry[] = [
    { path: sitePaths.home, lastmod: counts.latest },
    { path: sitePaths.tags, lastmod: counts.latest },
  ];
  const f = overlap(0, FIXED_PAGES, start, end);
  if (f) out.push(...fixed.slice(f.offset, f.offset + f.count));

  let at = FIXED_PAGES;
  const t = overlap(at, counts.tags, start, end);
  if (t) out.push(...(await pagedEntries(t, source.tags)));
  at += counts.tags;
  const a = overlap(at, counts.authors, start, end);
  if (a) out.push(...(await pagedEntries(a, source.authors)));
  at += counts.authors;

  const art = overlap(at, counts.articles, start, end);
  if (art) {
    // One indexed seek to where this file starts, then keyset batches from there.
    let cursor = art.offset === 0 ? null : await source.articleCursorAt(art.offset - 1);
    let left = art.count;
    while (left > 0 && (art.offset === 0 || cursor)) {
      const batch = await source.articles(cursor, Math.min(SITEMAP_BATCH, left));
      if (batch.length === 0) break;
      for (const row of batch) out.push({ path: sitePaths.article(row.slug), lastmod: row.lastmod });
      left -= batch.length;
      cursor = batch[batch.length - 1].cursor;
    }
  }
  return out;
}

async function urlsetXml(siteUrl: string, entries: SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, xhtml: false, image: false, video: false } });
  const items: SitemapItemLoose[] = entries.map((e) => ({
    url: absoluteUrl(siteUrl, e.path),
    ...(e.lastmod ? { lastmod: e.lastmod } : {}),
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}

async function indexXml(siteUrl: string, chunks: number, lastmod: string | null): Promise<string> {
  const stream = new SitemapIndexStream();
  const items = Array.from({ length: chunks }, (_, i) => ({
    url: absoluteUrl(siteUrl, sitePaths.sitemapChunk(i + 1)),
    ...(lastmod ? { lastmod } : {}),
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}

export type SitemapOptions = { siteUrl: string; source: SitemapSource; maxUrls?: number };

/** /sitemap.xml: the whole list, or an index once it passes `maxUrls`. */
export async function renderSitemap({ siteUrl, source, maxUrls = SITEMAP_MAX_URLS }: SitemapOptions): Promise<string> {
  const counts = await source.counts();
  const chunks = sitemapChunkCount(counts, maxUrls);
  if (chunks > 0) return indexXml(siteUrl, chunks, counts.latest);
  return urlsetXml(siteUrl, await sitemapEntries(source, counts, 0, maxUrls));
}

/** /sitemaps/N.xml (N from 1), or null when there is no such file. */
export async function renderSitemapChunk(
  n: number,
  { siteUrl, source, maxUrls = SITEMAP_MAX_URLS }: SitemapOptions,
): Promise<string | null> {
  const counts = await source.counts();
  const chunks = sitemapChunkCount(counts, maxUrls);
  if (!Number.isInteger(n) || n < 1 || n > chunks) return null;
  return urlsetXml(siteUrl, await sitemapEntries(source, counts, (n - 1) * maxUrls, n * maxUrls));
}

/** Parses the `N.xml` file name of a child sitemap; null for anything else. */
export function parseSitemapChunkName(name: string): number | null {
  const m = /^([1-9][0-9]{0,5})\.xml$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The Google News sitemap: recent articles with publication name and language. */
export async function renderNewsSitemap(
  site: { siteUrl: string; siteName: string; language: string },
  articles: NewsSitemapArticle[],
): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  const base = normalizeSiteUrl(site.siteUrl);
  const items: SitemapItemLoose[] = articles.map((a) => ({
    url: absoluteUrl(base, sitePaths.article(a.slug)),
    news: {
      publication: { name: site.siteName, language: site.language },
      publication_date: a.publishedAt,
      title: a.title,
    },
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}
