import { beaconAnswer } from "@/lib/ads/impressions";

/**
 * The impression pixel an HTML creative's document loads (an image ad counts through its
 * picture, /ads/KEY/image): each load counts one impression in today's bucket
 * (lib/ads/impressions.ts). Never cached, so every view is counted, while the page that embeds
 * the ad stays static. In production the in-process layer
 * (server/in-process.mjs, under `npm start` and `next start` alike) answers it with the same
 * code before Next's router; this handler serves development.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { status, headers, body } = beaconAnswer(key, request.headers.get("x-forwarded-proto") === "https");
  return new Response(body ? new Uint8Array(body) : null, { status, headers });
}
