import { PAGE_SIZE } from "@/db/queries/articles";
import { findCurrentSlug, listingPageExists, publicSlugExists } from "@/db/queries/redirects";
import { parseSearchPage } from "@/db/queries/search";
import type { RedirectKind } from "@/db/schema";
import { parsePageNumber } from "./page-number";
import { isValidSlug } from "./slug";

const SECTIONS: Record<string, RedirectKind> = { articles: "article", tags: "tag", authors: "author" };

/** What proxy.ts does with a reader URL built on a slug, before any page renders. */
export type ReaderPathAnswer = { moved: string } | { missing: true } | null;

/**
 * For `/articles/…`, `/tags/…`, `/authors/…` and `/page/N`:
 * - `{ moved }`: the slug was renamed; the same URL on the current slug (`/tags/old/page/2` →
 *   `/tags/new/page/2`), answered with a 301.
 * - `{ missing }`: nothing public lives there (unknown slug, draft, scheduled, unpublished, a tag
 *   without published articles, a page number that is not one or lies past the listing's last
 *   page). proxy.ts sends these to the site's not-found page before the
 *   page renders: a notFound() thrown while an on-demand page renders gives a 404 whose content
 *   only appears once JavaScript runs.
 * - null: the page exists; let it render (or come from the cache).
 */
export async function readerPathAnswer(pathname: string, now = new Date()): Promise<ReaderPathAnswer> {
  const paged = /^(?:\/(tags|authors)\/([^/]+))?\/page\/([^/]+)$/.exec(pathname);
  const page = paged ? parsePageNumber(paged[3]) : null;
  if (paged && page === null) return { missing: true };
  if (paged && !paged[1]) {
    // The front page's /page/N (/page/1 is redirected by the page itself).
    return page === 1 || (await listingPageExists({ kind: "front" }, page!, PAGE_SIZE, now)) ? null : { missing: true };
  }
  const match = /^\/(articles|tags|authors)\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return null;
  const [, section, slug, rest = ""] = match;
  if (!isValidSlug(slug)) return { missing: true };
  const kind = SECTIONS[section];
  if (await publicSlugExists(kind, slug, now)) {
    if (!page || page === 1 || kind === "article") return null;
    const listing = { kind: kind as "tag" | "author", slug };
    return (await listingPageExists(listing, page, PAGE_SIZE, now)) ? null : { missing: true };
  }
  const current = await findCurrentSlug(kind, slug);
  return current ? { moved: `/${section}/${current}${rest}` } : { missing: true };
}

/** `/search?page=…` with a page number that is not one: the search page would 404 while rendering. */
export function isMissingSearchPage(pathname: string, searchParams: URLSearchParams): boolean {
  return pathname === "/search" && parseSearchPage(searchParams.get("page") || undefined) === null;
}
