import { CREATIVE_SANDBOX } from "@/lib/ads/creative";
import { adClickPath, adCreativePath, adImagePath } from "@/lib/ads/paths";
import type { PublicAdSlot } from "@/lib/ads/placement";

/**
 * One ad, server-rendered at its placement: labelled "Advertisement", in a box of its reserved
 * size from the first byte (an image keeps its aspect ratio and shrinks to fit narrow screens;
 * an HTML frame keeps its size and is clipped), so the page never shifts when the creative
 * loads. An image creative is a plain sponsored link through the click counter; HTML code only
 * ever runs in a sandboxed frame served by its own route (under the page's own referrer policy),
 * never in this page. The creative counts its own impression as it loads (an image through
 * /ads/KEY/image, an HTML document through the pixel it carries), so the page itself stays
 * cacheable and carries no pixel of its own.
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
              src={adImagePath(slot.key)}
              alt={slot.altText}
              width={slot.width}
              height={slot.height}
              loading={eager ? "eager" : "lazy"}
              // An ad at the top loads at once, after the page's own resources, and is never
              // preloaded (a preload of the counting URL could count the view twice).
              fetchPriority={eager ? "low" : undefined}
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
