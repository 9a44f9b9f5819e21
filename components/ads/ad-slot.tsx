import type { PublicAdSlot } from "@/lib/ads/placement";
import { CREATIVE_SANDBOX } from "@/lib/ads/creative";

export function adClickPath(key: string): string {
  return `/ads/${encodeURIComponent(key)}/click`;
}

export function adImpressionPath(key: string): string {
  return `/ads/${encodeURIComponent(key)}/impression.gif`;
}

export function adCreativePath(key: string, version: number): string {
  return `/ads/${encodeURIComponent(key)}/creative?v=${version}`;
}

/**
 * One ad, server-rendered at its placement: labelled "Advertisement", in a box of its reserved
 * size from the first byte (an image keeps its aspect ratio and shrinks to fit narrow screens;
 * an HTML frame keeps its size and is clipped), so the page never shifts when the creative
 * loads. An image creative is a plain sponsored link through the click counter; HTML code only
 * ever runs in a sandboxed frame served by its own route (under the page's own referrer policy),
 * never in this page. The 1×1 beacon counts the impression, so the page itself stays cacheable.
 */
export function AdSlot({ slot, eager = false }: { slot: PublicAdSlot; eager?: boolean }) {
  const image = slot.creativeType === "image";
  return (
    <aside className="ad-slot" data-ad-slot={slot.key} aria-label="Advertisement">
      <p className="ad-label">Advertisement</p>
      <div
        className="ad-frame"
        style={
          image
            ? { width: `${slot.width}px`, aspectRatio: `${slot.width} / ${slot.height}` }
            : { width: `${slot.width}px`, height: `${slot.height}px` }
        }
      >
        {image ? (
          <a href={adClickPath(slot.key)} rel="sponsored noopener">
            {/* eslint-disable-next-line @next/next/no-img-element -- creatives come from any ad host, at their reserved size */}
            <img
              src={slot.imageUrl ?? ""}
              alt={slot.altText}
              width={slot.width}
              height={slot.height}
              loading={eager ? "eager" : "lazy"}
            />
          </a>
        ) : (
          <iframe
            src={adCreativePath(slot.key, slot.version)}
            title="Advertisement"
            sandbox={CREATIVE_SANDBOX}
            width={slot.width}
            height={slot.height}
            loading="lazy"
          />
        )}
      </div>
      {/* An impression is counted when the ad comes near the screen, like its creative; lazy also
          keeps React from preloading every beacon in the page's <head>. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- an impression pixel, not content */}
      <img className="ad-beacon" src={adImpressionPath(slot.key)} alt="" loading="lazy" />
    </aside>
  );
}

/** The slots at one position, in order, grouped so consecutive ads share their spacing. */
export function AdSlots({ slots, eager }: { slots: readonly PublicAdSlot[]; eager?: boolean }) {
  if (slots.length === 0) return null;
  return (
    <div className="ad-placement">
      {slots.map((slot) => (
        <AdSlot key={slot.id} slot={slot} eager={eager} />
      ))}
    </div>
  );
}
