import type { AdSlot as AdSlotRow } from "@/db/schema";
import { isSafeUrl } from "@/lib/markdown";

export type AdSlotCreative = Pick<
  AdSlotRow,
  "key" | "width" | "height" | "creativeType" | "imageUrl" | "linkUrl" | "altText"
>;

/**
 * One ad slot: labelled "Advertisement", in a box of its reserved size (an aspect ratio that
 * shrinks to fit narrow screens), so the page never shifts when the creative loads.
 * Clicks go through /ads/KEY/click, which counts them and forwards to the advertiser.
 */
export function AdSlot({ slot }: { slot: AdSlotCreative }) {
  const image = slot.creativeType === "image" && slot.imageUrl && isSafeUrl(slot.imageUrl) ? slot.imageUrl : null;
  const picture = image ? (
    // eslint-disable-next-line @next/next/no-img-element -- creatives are served as uploaded, at their reserved size
    <img src={image} alt={slot.altText} width={slot.width} height={slot.height} loading="lazy" decoding="async" />
  ) : null;
  return (
    <aside className="ad-slot" data-ad-slot={slot.key} aria-label="Advertisement">
      <p className="ad-label">Advertisement</p>
      <div
        className="ad-frame"
        style={{ width: `${slot.width}px`, aspectRatio: `${slot.width} / ${slot.height}` }}
      >
        {picture && slot.linkUrl ? (
          <a href={`/ads/${encodeURIComponent(slot.key)}/click`} rel="sponsored noopener">
            {picture}
          </a>
        ) : (
          picture
        )}
      </div>
    </aside>
  );
}
