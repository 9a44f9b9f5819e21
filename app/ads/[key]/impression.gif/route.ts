import { beaconAnswer } from "@/lib/ads/impressions";

/**
 * The impression beacon: each rendered ad loads this pixel as it nears the screen, which counts
 * one impression in today's bucket (lib/ads/impressions.ts). Never cached, so every view is
 * counted, while the page that embeds it stays static. The production server answers it before
 * reaching here; this handler serves `next start` and development.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { status, headers, body } = beaconAnswer(key, request.headers.get("x-forwarded-proto") === "https");
  return new Response(body ? new Uint8Array(body) : null, { status, headers });
}
