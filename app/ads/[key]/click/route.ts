import { recordAdClick } from "@/db/queries/ad-slots";
import { isHttpUrl, isValidAdKey } from "@/lib/validation/ad-slot";

/** Counts a click on an image creative and sends the reader on (302) to its http(s) target. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const target = isValidAdKey(key) ? await recordAdClick(key) : null;
  if (!target || !isHttpUrl(target)) {
    return new Response("No such ad.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(null, {
    status: 302,
    headers: { Location: new URL(target).href, "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}
