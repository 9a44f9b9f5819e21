import { findCurrentSlug } from "@/db/queries/redirects";
import type { RedirectKind } from "@/db/schema";
import { isValidSlug } from "./slug";

const SECTIONS: Record<string, RedirectKind> = { articles: "article", tags: "tag", authors: "author" };

/**
 * Where a public URL built on an old slug now lives (`/tags/old/page/2` → `/tags/new/page/2`),
 * or null. Answered as a 301 by proxy.ts, before any cached page is looked at.
 */
export async function movedPath(pathname: string): Promise<string | null> {
  const match = /^\/(articles|tags|authors)\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return null;
  const [, section, slug, rest = ""] = match;
  if (!isValidSlug(slug)) return null;
  const current = await findCurrentSlug(SECTIONS[section], slug);
  return current ? `/${section}/${current}${rest}` : null;
}
