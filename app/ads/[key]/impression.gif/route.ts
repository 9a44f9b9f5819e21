import { recordAdImpression } from "@/db/queries/ad-slots";
import { isValidAdKey } from "@/lib/validation/ad-slot";

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * The impression beacon: each page view that renders a slot loads this pixel once, which counts
 * one impression in today's bucket. Never cached, so every view is counted, while the page that
 * embeds it stays static.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const counted = isValidAdKey(key) && (await recordAdImpression(key));
  return new Response(counted ? PIXEL : null, {
    status: counted ? 200 : 404,
    headers: {
      "Content-Type": "image/gif",
      "Cache-Control": "no-store, max-age=0",
      "X-Robots-Tag": "noindex",
    },
  });
}
