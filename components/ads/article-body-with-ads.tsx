import { Fragment } from "react";
import { loadPageAds } from "@/lib/ads/page-ads";
import { countTopLevelParagraphs, splitAfterParagraphs } from "@/lib/ads/split-html";
import { AdSlots } from "./ad-slot";

/**
 * The rendered (already sanitized) article body with `article-inline` ads placed after their
 * paragraphs. The body is only cut at top-level paragraph ends, so no element is ever split;
 * without inline ads the markup is exactly the body.
 */
export async function ArticleBodyWithAds({
  html,
  tagIds,
  className,
}: {
  html: string;
  tagIds: readonly number[];
  className?: string;
}) {
  const ads = await loadPageAds({ kind: "article", tagIds, paragraphCount: countTopLevelParagraphs(html) }, ["article-inline"]);
  const positions = ads.indexes("article-inline");
  if (positions.length === 0) {
    return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  const segments = splitAfterParagraphs(html, positions);
  return (
    <div className={className}>
      {segments.map((segment, i) => (
        <Fragment key={i}>
          {segment.html ? <div className="ad-body-part" dangerouslySetInnerHTML={{ __html: segment.html }} /> : null}
          {segment.afterParagraph !== null ? <AdSlots slots={ads.after("article-inline", segment.afterParagraph)} /> : null}
        </Fragment>
      ))}
    </div>
  );
}
