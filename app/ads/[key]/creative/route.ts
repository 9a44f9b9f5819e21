import { getAdSlotByKey } from "@/db/queries/ad-slots";
import { adCreativeDocument, CREATIVE_CSP } from "@/lib/ads/creative";
import { adImpressionPath } from "@/lib/ads/paths";
import { isAdLive } from "@/lib/ads/schedule";
import { isValidAdKey } from "@/lib/validation/ad-slot";

/**
 * Serves an HTML creative as its own document, for the sandboxed frame of its slot. The response
 * carries its own CSP with `sandbox`, so even opened directly it runs in an opaque origin: it can
 * never read this site's pages, cookies or the admin session. Only live slots are served.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const slot = isValidAdKey(key) ? await getAdSlotByKey(key) : undefined;
  const live =
    slot &&
    slot.creativeType === "html" &&
    slot.html &&
    isAdLive({ active: slot.active, startsAt: slot.startsAt?.getTime() ?? null, endsAt: slot.endsAt?.getTime() ?? null }, new Date());
  if (!slot || !live) {
    return new Response("No such ad.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": CREATIVE_CSP },
    });
  }
  // The page links the version it was rendered with: that exact version may be kept for long.
  const current = new URL(request.url).searchParams.get("v") === String(slot.updatedAt.getTime());
  // The document counts its own showings: every time the frame loads it, from the browser's
  // cache or not, it asks for the (never cached) pixel.
  return new Response(adCreativeDocument(slot.html!, adImpressionPath(slot.key)), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": CREATIVE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cache-Control": current ? "public, max-age=86400" : "no-cache",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
