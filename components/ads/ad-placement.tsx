import type { AdPlacement } from "@/db/schema";
import { loadPageAds } from "@/lib/ads/page-ads";
import type { PageKind } from "@/lib/ads/placement";
import { AdSlots } from "./ad-slot";

/**
 * The ads at one placement of a page (nothing at all when none is live and targeted here).
 * For placements with one position: article-after-body, article-after-tags, front-top, tag-top,
 * sidebar. Reading the placement tags the page, so any change to its slots regenerates it.
 */
export async function AdPlacement({
  placement,
  page,
  tagIds = [],
  eager,
}: {
  placement: Exclude<AdPlacement, "article-inline" | "front-list">;
  /** The kind of page; follows from the placement except for the sidebar (default: untargeted). */
  page?: PageKind;
  tagIds?: readonly number[];
  /** Above the fold (front-top, tag-top): load the image at once. */
  eager?: boolean;
}) {
  const kind = page ?? (placement.startsWith("article-") ? "article" : placement === "tag-top" ? "tag" : "front");
  const ads = await loadPageAds({ kind, tagIds }, [placement]);
  const slots = ads.at(placement);
  return <AdSlots slots={slots} eager={eager} />;
}
