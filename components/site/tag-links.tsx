import type { TagRef } from "@/db/queries/articles";

/** Tag links in their stored order. */
export function TagLinks({ tags, className = "tag-links" }: { tags: TagRef[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className={className}>
      {tags.map((t) => (
        <li key={t.slug}>
          <a href={`/tags/${t.slug}`} rel="tag">
            {t.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
