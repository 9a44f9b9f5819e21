/**
 * Cache tag names, in one place. Public data reads are cached under these tags; every editorial
 * change revalidates exactly the tags it affects (see lib/revalidate.ts).
 */
export const cacheTags = {
  /** The front page and its further pages (/page/N). */
  front: "front",
  /** One article's page, by id (survives slug changes). */
  article: (id: number) => `article:${id}`,
  /** Lookups by slug, including a cached miss, so a new or renamed article shows at once. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  /** A tag's listing pages and feed. */
  tag: (slug: string) => `tag:${slug}`,
  /** The /tags index with counts. */
  tagsIndex: "tags-index",
  author: (slug: string) => `author:${slug}`,
  /** RSS feeds, sitemaps and the News sitemap. */
  feeds: "feeds",
  sitemaps: "sitemaps",
  search: "search",
  /** Ad slots, per placement. */
  ads: (placement: string) => `ads:${placement}`,
  /**
   * Names and slugs of tags and authors as every page shows them (navigation, tag links, bylines,
   * list items): expire it when a tag or author is renamed or deleted. Publishing does not.
   */
  taxonomy: "taxonomy",
  /** Site settings: name, description, URL, logo, ads.txt. */
  settings: "settings",
} as const;

export type ArticleChange = {
  id: number;
  slugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
};

/** Every tag an article change touches: old and new slug, its tags, author, lists, feeds. */
export function tagsForArticleChange(change: ArticleChange): string[] {
  return [
    ...new Set([
      cacheTags.front,
      cacheTags.article(change.id),
      ...change.slugs.map(cacheTags.articleSlug),
      ...change.tagSlugs.map(cacheTags.tag),
      cacheTags.tagsIndex,
      ...change.authorSlugs.map(cacheTags.author),
      cacheTags.feeds,
      cacheTags.sitemaps,
      cacheTags.search,
    ]),
  ];
}
