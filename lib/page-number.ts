import { notFound, permanentRedirect } from "next/navigation";
import { MAX_PAGE } from "@/db/queries/articles";

/**
 * Parses the N of `/page/N`: a plain positive integer without sign, leading zeros or decimals,
 * at most MAX_PAGE. Anything else is null.
 */
export function parsePageNumber(raw: string): number | null {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_PAGE ? n : null;
}

/**
 * The page number of a `/page/N` route, or the response for a bad one: /page/1 moves
 * permanently to the listing's first page, anything unparsable is a 404.
 */
export function pageParamOr404(raw: string, firstPagePath: string): number {
  const page = parsePageNumber(raw);
  if (page === 1) permanentRedirect(firstPagePath);
  if (page === null) notFound();
  return page;
}
