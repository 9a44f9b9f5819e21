import "server-only";
import { revalidateTag } from "next/cache";
import { RESPONSE_CACHE_KEY } from "@/server/response-cache-key.mjs";
import { tagsForArticleChange, type ArticleChange } from "./cache-tags";
import { scheduleExpireAgain } from "./expire-again";

/**
 * Expires cached public data at once (not stale-while-revalidate): after an editor's change the
 * very next reader sees it. Works in server actions and route handlers alike. The production
 * server's response cache is emptied too: it keeps whole pages, which any change may touch.
 * The same tags are expired once more a moment later (lib/expire-again.ts), for renders that
 * were already under way when the change was made.
 */
export function expireTags(tags: Iterable<string>): void {
  const unique = new Set(tags);
  expireTagsNow(unique);
  scheduleExpireAgain(unique);
}

/** The expiry itself, without scheduling another (POST /api/internal/expire-again runs this). */
export function expireTagsNow(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  (globalThis as { [RESPONSE_CACHE_KEY]?: { clear(): void } })[RESPONSE_CACHE_KEY]?.clear();
}

export function expireArticle(change: ArticleChange): void {
  expireTags(tagsForArticleChange(change));
}
