import "server-only";
import { unstable_cache } from "next/cache";
import {
  getArticleIdBySlug,
  getPublishedArticleById,
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByTag,
  listRelatedArticles,
  type ArticleDetail,
  type ArticleListPage,
  type ArticleSummary,
} from "@/db/queries/articles";
import { getAuthorById, getAuthorBySlug, type AuthorInfo } from "@/db/queries/authors";
import { findRedirectTarget } from "@/db/queries/redirects";
import { getSiteSettings, type PublicSettings } from "@/db/queries/settings";
import { getTagById, getTagBySlug, listTagsWithCounts, listTopTags, type TagInfo, type TagWithCount } from "@/db/queries/tags";
import { cacheTags } from "@/lib/cache-tags";
import { isValidSlug } from "@/lib/slug";

/**
 * The reader site's data, cached. Each read is stored in Next's data cache under the tags of
 * lib/cache-tags.ts that describe what it depends on, so `expireTags()` after an editorial change
 * refreshes exactly the pages that used it. A miss is cached too, under the slug's tag, so a
 * page published later shows at once. Time still passes between changes (scheduled articles
 * fall due, ad windows open): every entry is also refreshed after REVALIDATE_SECONDS.
 */
export const REVALIDATE_SECONDS = 300;

function cachedRead<T>(key: string[], tags: string[], read: () => Promise<T>, revalidate = REVALIDATE_SECONDS): Promise<T> {
  return unstable_cache(read, key, { tags, revalidate })();
}

export function getSettings(): Promise<PublicSettings> {
  return cachedRead(["settings"], [cacheTags.settings], getSiteSettings);
}

/** Most used tags for the masthead navigation; their order drifts slowly, so an hour is fine. */
export function getNavigationTags(): Promise<TagWithCount[]> {
  return cachedRead(["navigation-tags"], [cacheTags.taxonomy], () => listTopTags(new Date(), 7), 3600);
}

export function getFrontPage(page: number): Promise<ArticleListPage> {
  return cachedRead(["front", String(page)], [cacheTags.front, cacheTags.taxonomy], () =>
    listPublishedArticles({ page, now: new Date() }),
  );
}

export function getTagsIndex(): Promise<TagWithCount[]> {
  return cachedRead(["tags-index"], [cacheTags.tagsIndex, cacheTags.taxonomy], () => listTagsWithCounts(new Date()));
}

/** What a slug in a URL leads to: the entity, a permanent move to its current slug, or nothing. */
export type Lookup<T> = { found: T } | { movedTo: string } | null;

export async function lookupArticle(slug: string): Promise<Lookup<ArticleDetail>> {
  if (!isValidSlug(slug)) return null;
  const route = await cachedRead(["article-route", slug], [cacheTags.articleSlug(slug)], async () => {
    const id = await getArticleIdBySlug(slug);
    if (id !== null) return { id, current: true };
    const target = await findRedirectTarget("article", slug);
    return target === null ? null : { id: target, current: false };
  });
  if (!route) return null;
  const article = await cachedRead(
    ["article", String(route.id)],
    [cacheTags.article(route.id), cacheTags.taxonomy],
    () => getPublishedArticleById(route.id, new Date()),
  );
  if (!article) return null;
  return article.slug === slug ? { found: article } : { movedTo: article.slug };
}

export function getRelatedArticles(article: ArticleDetail): Promise<ArticleSummary[]> {
  const basis = article.tags.slice(0, 5);
  return cachedRead(
    ["related", String(article.id), basis.map((t) => t.id).join(",")],
    [cacheTags.article(article.id), cacheTags.taxonomy, ...basis.map((t) => cacheTags.tag(t.slug))],
    () => listRelatedArticles(article.id, basis.map((t) => t.id), new Date()),
  );
}

export function lookupTag(slug: string): Promise<Lookup<TagInfo>> {
  if (!isValidSlug(slug)) return Promise.resolve(null);
  return cachedRead(["tag-route", slug], [cacheTags.tag(slug), cacheTags.taxonomy], async () => {
    const tag = await getTagBySlug(slug);
    if (tag) return { found: tag };
    const target = await findRedirectTarget("tag", slug);
    const moved = target === null ? null : await getTagById(target);
    return moved ? { movedTo: moved.slug } : null;
  });
}

export function getTagPage(tag: TagInfo, page: number): Promise<ArticleListPage> {
  return cachedRead(["tag-page", String(tag.id), String(page)], [cacheTags.tag(tag.slug), cacheTags.taxonomy], () =>
    listPublishedArticlesByTag(tag.id, { page, now: new Date() }),
  );
}

export function lookupAuthor(slug: string): Promise<Lookup<AuthorInfo>> {
  if (!isValidSlug(slug)) return Promise.resolve(null);
  return cachedRead(["author-route", slug], [cacheTags.author(slug), cacheTags.taxonomy], async () => {
    const author = await getAuthorBySlug(slug);
    if (author) return { found: author };
    const target = await findRedirectTarget("author", slug);
    const moved = target === null ? null : await getAuthorById(target);
    return moved ? { movedTo: moved.slug } : null;
  });
}

export function getAuthorPage(author: AuthorInfo, page: number): Promise<ArticleListPage> {
  return cachedRead(
    ["author-page", String(author.id), String(page)],
    [cacheTags.author(author.slug), cacheTags.taxonomy],
    () => listPublishedArticlesByAuthor(author.id, { page, now: new Date() }),
  );
}

