import "server-only";
import { unstable_cache } from "next/cache";
import {
  countSitemapEntries,
  getTagBySlug,
  listFeedArticles,
  listFeedArticlesByTag,
  listNewsSitemapArticles,
  listSitemapArticleRange,
  listSitemapArticleRanges,
  listSitemapAuthors,
  listSitemapTags,
} from "@/db/queries/feeds";
import { cacheTags } from "@/lib/cache-tags";
import type { SitemapSource } from "./sitemap";

/**
 * Cached reads behind feeds and sitemaps (site settings come cached from lib/site.ts). Each is tagged so an editor's change expires it (and,
 * through the tags Next records on the route, the cached XML response built from it). "Now" is
 * taken inside each read so it is not part of the cache key; the revalidate windows bound how
 * late a scheduled article or the News sitemap's 48-hour window can be.
 */
const HOUR = 3600;

export const cachedFeedArticles = unstable_cache(() => listFeedArticles({ now: new Date() }), ["feed-articles"], {
  tags: [cacheTags.feeds, cacheTags.taxonomy],
  revalidate: 900,
});

/** A tag and its newest articles, or null for an unknown tag (cached too, under the tag's name). */
export function cachedTagFeed(slug: string) {
  return unstable_cache(
    async () => {
      const tag = await getTagBySlug(slug);
      if (!tag) return null;
      return { tag, articles: await listFeedArticlesByTag(tag.id, { now: new Date() }) };
    },
    ["tag-feed", slug],
    { tags: [cacheTags.feeds, cacheTags.taxonomy, cacheTags.tag(slug)], revalidate: 900 },
  )();
}

export const cachedNewsSitemapArticles = unstable_cache(
  () => listNewsSitemapArticles({ now: new Date() }),
  ["news-sitemap-articles"],
  { tags: [cacheTags.sitemaps, cacheTags.feeds], revalidate: 600 },
);

// Sitemaps list tag and author slugs too: a rename (taxonomy) changes them.
const sitemapCache = { tags: [cacheTags.sitemaps, cacheTags.taxonomy], revalidate: HOUR };

export const cachedSitemapSource: SitemapSource = {
  counts: unstable_cache((upTo: number) => countSitemapEntries({ now: new Date(), upTo }), ["sitemap-counts"], sitemapCache),
  tags: unstable_cache(
    (offset: number, limit: number) => listSitemapTags({ now: new Date(), offset, limit }),
    ["sitemap-tags"],
    sitemapCache,
  ),
  authors: unstable_cache(
    (offset: number, limit: number) => listSitemapAuthors({ now: new Date(), offset, limit }),
    ["sitemap-authors"],
    sitemapCache,
  ),
  articleRanges: unstable_cache(
    (size: number, lastId: number) => listSitemapArticleRanges({ now: new Date(), size, lastId }),
    ["sitemap-article-ranges"],
    sitemapCache,
  ),
  articleRange: unstable_cache(
    (fromId: number, toId: number) => listSitemapArticleRange({ now: new Date(), fromId, toId }),
    ["sitemap-article-range"],
    sitemapCache,
  ),
};

/** Response headers for feeds and sitemaps: short browser life, longer shared (CDN) life. */
export const xmlCacheHeaders = {
  feed: {
    "Content-Type": "application/rss+xml; charset=utf-8",
    "Cache-Control": "public, max-age=300, s-maxage=600, stale-while-revalidate=3600",
  },
  sitemap: {
    "Content-Type": "application/xml; charset=utf-8",
    "Cache-Control": "public, max-age=900, s-maxage=3600, stale-while-revalidate=86400",
  },
  newsSitemap: {
    "Content-Type": "application/xml; charset=utf-8",
    "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=600",
  },
} as const;
