import type { ResolvedAds } from "@/lib/ads/placement";
import { AdSlots } from "./ad-slot";

/**
 * The `front-list` ads after list item `afterItem` (1-based), as a list item of their own so
 * the list stays valid HTML. Load them once per page with
 * `loadPageAds({ kind: "front", listLength }, ["front-list"])`.
 */
export function FrontListAds({ ads, afterItem, className }: { ads: ResolvedAds; afterItem: number; className?: string }) {
  const slots = ads.after("front-list", afterItem);
  if (slots.length === 0) return null;
  return (
    <li className={className}>
      <AdSlots slots={slots} />
    </li>
  );
}
