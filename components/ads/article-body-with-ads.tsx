import { Fragment } from "react";
import type { ResolvedAds } from "@/lib/ads/placement";
import { splitAfterParagraphs } from "@/lib/ads/split-html";
import { AdSlots } from "./ad-slot";

/**
 * The rendered (already sanitized) article body with `article-inline` ads placed after their
 * paragraphs. The body is only cut at top-level paragraph ends, so no element is ever split;
 * without inline ads the markup is exactly the body. The ads are resolved by the caller (once
 * per page, see `loadArticleView`), so the body renders in the same pass as the rest of the
 * article.
 */
export function ArticleBodyWithAds({ html, ads, className }: { html: string; ads: ResolvedAds; className?: string }) {
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
