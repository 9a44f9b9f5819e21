import { imageAnswer } from "@/lib/ads/impressions";

/**
 * An image ad's picture, through its impression counter: each load counts one impression in
 * today's bucket and is redirected to the image (lib/ads/impressions.ts). In production the
 * in-process layer answers it with the same code before Next's router; this handler serves
 * development.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { status, headers } = imageAnswer(key, request.headers.get("x-forwarded-proto") === "https");
  return new Response(null, { status, headers });
}
