import { Readable } from "node:stream";
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from "sitemap";
import {
  countSitemapEntries,
  listSitemapArticleRange,
  listSitemapArticleRanges,
  listSitemapAuthors,
  listSitemapTags,
  SITEMAP_BATCH,
  type NewsSitemapArticle,
  type SitemapCounts,
  type SitemapEntry,
} from "@/db/queries/feeds";
import { absoluteUrl, normalizeSiteUrl, sitePaths } from "@/lib/site-urls";

/**
 * Sitemaps: the front page, the tag index, every tag and author with published articles and
 * every published article (by id, so a file's articles stay in that file), with lastmod. Up to
 * `maxUrls` URLs /sitemap.xml is the list itself; past that it is an index of child files:
 * /sitemaps/pages-N.xml (front page, tag index, tags, authors, in order) and
 * /sitemaps/articles-K.xml (published articles with ids in the K-th range of `fileUrls` ids).
 * Id ranges make every file one index seek: the last is as cheap as the first, and the index
 * needs no count of the whole archive.
 */
export const SITEMAP_MAX_URLS = 50_000;
/**
 * URLs (and article ids) per child file. The protocol allows 50,000; at 1,000 reading one file
 * (a tag costs ~2 µs with its lastmod, an article ~0.5 µs) stays a few milliseconds however large
 * the archive, and 100,000 articles make about 100 files.
 */
export const SITEMAP_FILE_URLS = 1_000;
/** Pages files hold fewer: each tag and author costs an index probe for its lastmod (~5 µs). */
export const SITEMAP_PAGES_FILE_URLS = 500;

/** Where the entries come from: the queries directly, or their cached wrappers. */
export type SitemapSource = {
  /** `upTo`: the article count may stop just past this (see countSitemapEntries). */
  counts(upTo: number): Promise<SitemapCounts>;
  tags(offset: number, limit: number): Promise<SitemapEntry[]>;
  authors(offset: number, limit: number): Promise<SitemapEntry[]>;
  /** Numbers (from 1) of the id ranges of `size` ids up to `lastId` holding a published article. */
  articleRanges(size: number, lastId: number): Promise<number[]>;
  /** Published articles with ids in [fromId, toId], by id (at most SITEMAP_BATCH ids). */
  articleRange(fromId: number, toId: number): Promise<SitemapEntry[]>;
};

export function querySitemapSource(now: Date): SitemapSource {
  return {
    counts: (upTo) => countSitemapEntries({ now, upTo }),
    tags: (offset, limit) => listSitemapTags({ now, offset, limit }),
    authors: (offset, limit) => listSitemapAuthors({ now, offset, limit }),
    articleRanges: (size, lastId) => listSitemapArticleRanges({ now, size, lastId }),
    articleRange: (fromId, toId) => listSitemapArticleRange({ now, fromId, toId }),
  };
}

const FIXED_PAGES = 2;

/** Every URL of the sitemap (exact while it is at most the bound the counts were taken with). */
export function sitemapTotal(counts: SitemapCounts): number {
  return FIXED_PAGES + counts.tags + counts.authors + counts.articles;
}

/** Child files hold at most this many URLs. */
export function sitemapFileUrls(maxUrls = SITEMAP_MAX_URLS): number {
  return Math.max(1, Math.min(maxUrls, SITEMAP_FILE_URLS));
}

/** URLs per pages file. */
function pagesFileUrls(maxUrls: number): number {
  return Math.min(sitemapFileUrls(maxUrls), SITEMAP_PAGES_FILE_URLS);
}

/** URLs in the pages files: the fixed pages, then tags, then authors. */
function pagesTotal(counts: SitemapCounts): number {
  return FIXED_PAGES + counts.tags + counts.authors;
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

/** Positions [start, end) of the pages part: front page, tag index, tags, authors. */
async function pageEntries(source: SitemapSource, counts: SitemapCounts, start: number, end: number): Promise<SitemapEntry[]> {
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
  return out;
}

/** Published articles with ids in [fromId, toId], read a batch of ids at a time. */
async function articleEntries(source: SitemapSource, fromId: number, toId: number): Promise<SitemapEntry[]> {
  const out: SitemapEntry[] = [];
  for (let from = fromId; from <= toId; from += SITEMAP_BATCH) {
    out.push(...(await source.articleRange(from, Math.min(toId, from + SITEMAP_BATCH - 1))));
  }
  return out;
}

export type SitemapFile = { kind: "pages" | "articles"; n: number };

export function sitemapFileName(file: SitemapFile): string {
  return `${file.kind}-${file.n}.xml`;
}

/** The child files of the index, in order; empty when everything fits in /sitemap.xml. */
export async function sitemapFiles(source: SitemapSource, maxUrls = SITEMAP_MAX_URLS): Promise<SitemapFile[]> {
  const counts = await source.counts(maxUrls);
  if (sitemapTotal(counts) <= maxUrls) return [];
  const size = sitemapFileUrls(maxUrls);
  const pages = Math.ceil(pagesTotal(counts) / pagesFileUrls(maxUrls));
  const ranges = await source.articleRanges(size, counts.lastArticleId);
  return [
    ...Array.from({ length: pages }, (_, i) => ({ kind: "pages" as const, n: i + 1 })),
    ...ranges.map((n) => ({ kind: "articles" as const, n })),
  ];
}

/** The entries of one child file, or null when the index does not list it. */
export async function sitemapFileEntries(
  source: SitemapSource,
  file: SitemapFile,
  maxUrls = SITEMAP_MAX_URLS,
): Promise<SitemapEntry[] | null> {
  const counts = await source.counts(maxUrls);
  if (sitemapTotal(counts) <= maxUrls || !Number.isInteger(file.n) || file.n < 1) return null;
  const size = sitemapFileUrls(maxUrls);
  if (file.kind === "pages") {
    const pagesSize = pagesFileUrls(maxUrls);
    if (file.n > Math.ceil(pagesTotal(counts) / pagesSize)) return null;
    return pageEntries(source, counts, (file.n - 1) * pagesSize, file.n * pagesSize);
  }
  if ((file.n - 1) * size >= counts.lastArticleId) return null;
  const entries = await articleEntries(source, (file.n - 1) * size + 1, file.n * size);
  return entries.length > 0 ? entries : null;
}

async function urlsetXml(siteUrl: string, entries: SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, xhtml: false, image: false, video: false } });
  const items: SitemapItemLoose[] = entries.map((e) => ({
    url: absoluteUrl(siteUrl, e.path),
    ...(e.lastmod ? { lastmod: e.lastmod } : {}),
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}

async function indexXml(siteUrl: string, files: SitemapFile[], lastmod: string | null): Promise<string> {
  const stream = new SitemapIndexStream();
  const items = files.map((file) => ({
    url: absoluteUrl(siteUrl, sitePaths.sitemapFile(sitemapFileName(file))),
    ...(lastmod ? { lastmod } : {}),
  }));
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}

export type SitemapOptions = { siteUrl: string; source: SitemapSource; maxUrls?: number };

/** /sitemap.xml: the whole list, or an index once it passes `maxUrls`. */
export async function renderSitemap({ siteUrl, source, maxUrls = SITEMAP_MAX_URLS }: SitemapOptions): Promise<string> {
  const counts = await source.counts(maxUrls);
  if (sitemapTotal(counts) > maxUrls) return indexXml(siteUrl, await sitemapFiles(source, maxUrls), counts.latest);
  const pages = await pageEntries(source, counts, 0, pagesTotal(counts));
  return urlsetXml(siteUrl, [...pages, ...(await articleEntries(source, 1, counts.lastArticleId))]);
}

/** A child sitemap (/sitemaps/pages-N.xml, /sitemaps/articles-K.xml), or null when there is no such file. */
export async function renderSitemapChunk(file: SitemapFile, { siteUrl, source, maxUrls = SITEMAP_MAX_URLS }: SitemapOptions): Promise<string | null> {
  const entries = await sitemapFileEntries(source, file, maxUrls);
  return entries === null ? null : urlsetXml(siteUrl, entries);
}

/** Parses a child sitemap's file name (`pages-N.xml`, `articles-K.xml`); null for anything else. */
export function parseSitemapChunkName(name: string): SitemapFile | null {
  const m = /^(pages|articles)-([1-9][0-9]{0,6})\.xml$/.exec(name);
  return m ? { kind: m[1] as SitemapFile["kind"], n: Number(m[2]) } : null;
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
