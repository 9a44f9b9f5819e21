import "server-only";
import { unstable_cache } from "next/cache";
import { queryTerms, searchPublishedArticles, type SearchResults } from "@/db/queries/search";
import { cacheTags } from "@/lib/cache-tags";

/**
 * Search results, cached per normalised query (its words, lowercased) and page: repeated and
 * popular searches are served from the data cache, and any article change expires them all.
 */
export async function searchArticles(query: string, page: number): Promise<SearchResults> {
  const key = queryTerms(query)
    .map((t) => t.toLowerCase())
    .join(" ");
  const results = await unstable_cache(
    () => searchPublishedArticles(key, { page, now: new Date() }),
    ["search", key, String(page)],
    { tags: [cacheTags.search], revalidate: 300 },
  )();
  // Show the reader their own words, not the normalised key.
  return { ...results, query: query.trim() };
}
