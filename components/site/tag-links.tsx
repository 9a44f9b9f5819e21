import type { TagRef } from "@/db/queries/articles";
import { escapeHtml } from "@/lib/html/escape";
import { sitePaths } from "@/lib/site-urls";

/**
 * The list items of tag links, as one HTML string. An article may carry dozens of tags: as React
 * elements each would cost ~100 bytes of inline RSC payload on top of its HTML (an element
 * tuple per `li` and `a`); as one escaped string it is a single text row.
 */
export function tagLinksHtml(tags: readonly TagRef[]): string {
  return tags.map((t) => `<li><a href="${escapeHtml(sitePaths.tag(t.slug))}" rel="tag">${escapeHtml(t.name)}</a></li>`).join("");
}

/** Tag links in their stored order. */
export function TagLinks({ tags, className = "tag-links" }: { tags: TagRef[]; className?: string }) {
  if (tags.length === 0) return null;
  return <ul className={className} dangerouslySetInnerHTML={{ __html: tagLinksHtml(tags) }} />;
}
