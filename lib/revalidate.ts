import "server-only";
import { revalidateTag } from "next/cache";
import { tagsForArticleChange, type ArticleChange } from "./cache-tags";

/**
 * Expires cached public data at once (not stale-while-revalidate): after an editor's change the
 * very next reader sees it. Works in server actions and route handlers alike.
 */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}

export function expireArticle(change: ArticleChange): void {
  expireTags(tagsForArticleChange(change));
}
